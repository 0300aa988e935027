/**
 * The executive report: where the project stands in plain language — the RAG and why, key dates,
 * money, the top risks and the decisions needed. No project-management or engineering jargon
 * (`plain-language.ts` lists the words it avoids).
 */
import { RAG_LABELS, type ReportHealth } from './report-health.ts';
import type { ReportSection, StatusReport, Tone } from './report-model.ts';
import { dateText, impactText, likelihoodText, money, percent, slipText } from './report-text.ts';
import type { StatusSnapshot } from './status-snapshot.ts';

const TOP_RISKS = 5;

export function executiveReport(s: StatusSnapshot, health: ReportHealth): StatusReport {
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
                m.name,
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
        { label: 'Budget', value: money(s.project.budget ?? evm.bac, cur) },
        { label: 'Spent so far', value: money(evm.ac, cur) },
        { label: 'Value of the work done', value: money(evm.ev, cur) },
        { label: 'Expected final cost', value: money(evm.eac, cur), tone },
      ],
    });
    const lines: string[] = [];
    if (spentPerValue !== null)
      lines.push(
        `For every ${money(100, cur)} of work delivered we have spent ${money(spentPerValue * 100, cur)}.`,
      );
    lines.push(
      `Work done is ${percent(evm.spi === null ? null : Math.abs(1 - evm.spi))} ${evm.spi !== null && evm.spi < 1 ? 'behind' : 'ahead of'} plan for this date.`,
    );
    if (evm.vac !== null)
      lines.push(
        evm.vac >= 0
          ? `At this rate the project finishes ${money(evm.vac, cur)} under budget.`
          : `At this rate the project finishes ${money(-evm.vac, cur)} over budget.`,
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
                r.title,
                likelihoodText(r.probability),
                impactText(r.impact),
                r.owner ?? '—',
                r.response ?? '—',
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
                  `${d.title}${d.kind === 'change_request' ? ' (change request awaiting approval)' : ''}${d.detail ? ` — ${d.detail}` : ''}`,
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
