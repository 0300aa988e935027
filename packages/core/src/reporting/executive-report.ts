/**
 * The executive report: where the project stands in plain language — the RAG and why, key dates,
 * money, the top risks and the decisions needed. No project-management or engineering jargon
 * (`plain-language.ts` lists the words it avoids).
 */
import { plainLanguage } from './plain-language.ts';
import { RAG_LABELS, type ReportHealth } from './report-health.ts';
import type { ReportSection, StatusReport, Tone } from './report-model.ts';
import { dateText, impactText, likelihoodText, money, percent, slipText } from './report-text.ts';
import type { StatusSnapshot } from './status-snapshot.ts';

const TOP_RISKS = 5;

export function executiveReport(s: StatusSnapshot, given: ReportHealth): StatusReport {
  // What the team wrote is quoted in plain words too.
  const health = { ...given, reasons: given.reasons.map((r) => plainLanguage(r)) };
  const plain = (t: string | null) => (t === null ? null : plainLanguage(t));
  const cur = s.project.currency;
  const sections: ReportSection[] = [];

  const overall: string[] = [];
  overall.push(
    `Forecast completion: ${dateText(s.schedule.finish)}` +
      (s.schedule.baselineFinish
        ? ` (agreed: ${dateText(s.schedule.baselineFinish)}, ${slipText(s.schedule.finishVarianceDays)}).`
        : '.'),
  );
  overall.push(`${Math.round(s.schedule.percentComplete)}% of the work is complete.`);
  sections.push({
    id: 'summary',
    heading: 'Overall status',
    blocks: [{ type: 'bullets', items: overall }],
  });

  const milestones = s.milestones;
  sections.push({
    id: 'milestones',
    heading: 'Key dates',
    blocks:
      milestones.length === 0
        ? [{ type: 'paragraph', text: 'The plan has no key dates yet.' }]
        : [
            {
              type: 'table',
              columns: ['Key date', 'Agreed', 'Forecast', 'Status'],
              rows: milestones.map((m) => [
                plainLanguage(m.name),
                dateText(m.baselineFinish),
                dateText(m.forecastFinish),
                m.done ? 'done' : slipText(m.varianceDays),
              ]),
            },
          ],
  });

  const evm = s.evm;
  const moneyBlocks: ReportSection['blocks'] = [];
  if (evm) {
    const spentPerValue = evm.cpi === null ? null : 1 / evm.cpi;
    const tone: Tone =
      evm.cpi === null ? 'neutral' : evm.cpi >= 0.95 ? 'good' : evm.cpi >= 0.85 ? 'warn' : 'bad';
    moneyBlocks.push({
      type: 'figures',
      items: [
        ...(s.project.budget !== null
          ? [{ label: 'Approved budget', value: money(s.project.budget, cur) }]
          : []),
        { label: 'Planned cost of the work', value: money(evm.bac, cur) },
        { label: 'Spent so far', value: money(evm.ac, cur) },
        { label: 'Value of the work done', value: money(evm.ev, cur) },
        { label: 'Expected final cost of the work', value: money(evm.eac, cur), tone },
      ],
    });
    const lines: string[] = [];
    if (spentPerValue !== null)
      lines.push(
        `For every ${money(100, cur)} of work delivered we have spent ${money(spentPerValue * 100, cur)}.`,
      );
    if (evm.spi !== null)
      lines.push(
        Math.abs(1 - evm.spi) < 0.005
          ? 'Work done is on plan for this date.'
          : `Work done is ${percent(Math.abs(1 - evm.spi))} ${evm.spi < 1 ? 'behind' : 'ahead of'} plan for this date.`,
      );
    if (evm.vac !== null)
      lines.push(
        evm.vac >= 0
          ? `At this rate the planned work will cost ${money(evm.vac, cur)} less than planned.`
          : `At this rate the planned work will cost ${money(-evm.vac, cur)} more than planned.`,
      );
    if (s.project.budget !== null && evm.eac !== null)
      lines.push(
        evm.eac <= s.project.budget
          ? `The expected final cost is within the approved budget (${percent(evm.eac / s.project.budget)} of it).`
          : `The expected final cost is ${money(evm.eac - s.project.budget, cur)} over the approved budget.`,
      );
    moneyBlocks.push({ type: 'bullets', items: lines });
    if (evm.series.length > 1)
      moneyBlocks.push({
        type: 'chart',
        chart: {
          kind: 'line',
          title: 'Planned work, work done and money spent (cumulative)',
          categories: evm.series.map((p) => dateText(p.label)),
          series: [
            { name: 'Planned', values: evm.series.map((p) => round(p.pv)) },
            { name: 'Work done', values: evm.series.map((p) => (p.ev === null ? null : round(p.ev))) },
            { name: 'Spent', values: evm.series.map((p) => (p.ac === null ? null : round(p.ac))) },
          ],
          ...(cur ? { unit: cur } : {}),
        },
      });
  } else {
    moneyBlocks.push({
      type: 'figures',
      items: [{ label: 'Budget', value: money(s.project.budget, cur) }],
    });
    moneyBlocks.push({
      type: 'paragraph',
      text: 'Spending against progress is not available yet: the project has no agreed plan to measure against.',
    });
  }
  sections.push({ id: 'budget', heading: 'Budget and value delivered', blocks: moneyBlocks });

  const risks = s.risks.slice(0, TOP_RISKS);
  sections.push({
    id: 'risks',
    heading: 'Top risks',
    blocks:
      risks.length === 0
        ? [{ type: 'paragraph', text: 'No open risks.' }]
        : [
            {
              type: 'table',
              columns: ['Risk', 'Likelihood', 'Impact', 'Owner', 'What we are doing'],
              rows: risks.map((r) => [
                plainLanguage(r.title),
                likelihoodText(r.probability),
                impactText(r.impact),
                r.owner ?? '—',
                plain(r.response) ?? '—',
              ]),
            },
          ],
  });

  sections.push({
    id: 'decisions',
    heading: 'Decisions needed',
    blocks:
      s.decisionsNeeded.length === 0
        ? [{ type: 'paragraph', text: 'No decisions are waiting.' }]
        : [
            {
              type: 'bullets',
              items: s.decisionsNeeded.map(
                (d) =>
                  `${plainLanguage(d.title)}${d.kind === 'change_request' ? ' (change request awaiting approval)' : ''}${d.detail ? ` — ${plainLanguage(d.detail)}` : ''}`,
              ),
            },
          ],
  });

  return header(s, health, 'Executive status report', sections);
}

function round(n: number): number {
  return Math.round(n);
}

export function header(
  s: StatusSnapshot,
  health: ReportHealth,
  title: string,
  sections: ReportSection[],
  audience: StatusReport['audience'] = 'executive',
): StatusReport {
  return {
    audience,
    title,
    projectName: s.project.name,
    statusDate: s.statusDate.slice(0, 10),
    rag: health.rag,
    ragLabel: RAG_LABELS[health.rag],
    ragReason: health.reasons.join('; '),
    sections,
  };
}
