/**
 * The PM report: schedule against the baseline, milestones with their float, earned value with every
 * indicator, change requests, the RAID log's top entries and stakeholder satisfaction.
 */
import { header } from './executive-report.ts';
import type { ReportHealth } from './report-health.ts';
import type { ReportSection, StatusReport, Tone } from './report-model.ts';
import { dateText, days, money, percent, ratioText, slipText } from './report-text.ts';
import type { StatusSnapshot } from './status-snapshot.ts';

const TOP_RISKS = 10;

const indexTone = (v: number | null): Tone =>
  v === null ? 'neutral' : v >= 0.95 ? 'good' : v >= 0.85 ? 'warn' : 'bad';

export function pmReport(s: StatusSnapshot, health: ReportHealth): StatusReport {
  const cur = s.project.currency;
  const sc = s.schedule;
  const sections: ReportSection[] = [
    {
      id: 'health',
      heading: 'Health',
      blocks: [
        {
          type: 'paragraph',
          text: health.recorded
            ? `RAG ${health.rag.toUpperCase()}, as recorded by the team; the figures below also show: ${health.reasons.slice(1).join('; ') || 'nothing further'}.`
            : `RAG ${health.rag.toUpperCase()}, derived from finish and milestone variance, SPI/CPI, severe risks and blockers (no RAG recorded on the project).`,
        },
      ],
    },
    {
      id: 'schedule',
      heading: 'Schedule',
      blocks: [
        {
          type: 'figures',
          items: [
            { label: 'Start', value: dateText(sc.start) },
            { label: 'Forecast finish', value: dateText(sc.finish) },
            { label: 'Baseline finish', value: dateText(sc.baselineFinish) },
            {
              label: 'Finish variance',
              value: sc.finishVarianceDays === null ? '—' : days(sc.finishVarianceDays),
              tone: sc.finishVarianceDays === null ? 'neutral' : sc.finishVarianceDays > 2 ? 'bad' : 'good',
            },
            { label: '% complete', value: `${Math.round(sc.percentComplete)}%` },
            { label: 'Tasks done', value: `${sc.tasksDone} of ${sc.tasks}` },
          ],
        },
        s.milestones.length === 0
          ? { type: 'paragraph', text: 'No milestones.' }
          : {
              type: 'table',
              columns: ['Milestone', 'Baseline', 'Forecast', 'Variance', 'Total float', 'Status'],
              rows: s.milestones.map((m) => [
                m.name,
                dateText(m.baselineFinish),
                dateText(m.forecastFinish),
                m.varianceDays === undefined ? '—' : days(m.varianceDays),
                days(m.totalFloatDays),
                m.done ? 'done' : slipText(m.varianceDays),
              ]),
              numeric: [false, false, false, true, true, false],
            },
      ],
    },
  ];

  const evm = s.evm;
  sections.push({
    id: 'evm',
    heading: evm ? `Earned value (against "${evm.baselineName}")` : 'Earned value',
    blocks: evm
      ? [
          {
            type: 'figures',
            items: [
              { label: 'BAC', value: money(evm.bac, cur) },
              { label: 'PV', value: money(evm.pv, cur) },
              { label: 'EV', value: money(evm.ev, cur) },
              { label: 'AC', value: money(evm.ac, cur) },
              { label: 'SV', value: money(evm.sv, cur), tone: evm.sv < 0 ? 'warn' : 'good' },
              { label: 'CV', value: money(evm.cv, cur), tone: evm.cv < 0 ? 'warn' : 'good' },
              { label: 'SPI', value: ratioText(evm.spi), tone: indexTone(evm.spi) },
              { label: 'CPI', value: ratioText(evm.cpi), tone: indexTone(evm.cpi) },
              { label: 'EAC (BAC/CPI)', value: money(evm.eac, cur) },
              { label: 'VAC', value: money(evm.vac, cur) },
              { label: 'TCPI (BAC)', value: ratioText(evm.tcpi) },
            ],
          },
          ...(evm.series.length > 1
            ? [
                {
                  type: 'chart' as const,
                  chart: {
                    kind: 'line' as const,
                    title: 'PV, EV and AC (cumulative, weekly)',
                    categories: evm.series.map((p) => p.label),
                    series: [
                      { name: 'PV', values: evm.series.map((p) => Math.round(p.pv)) },
                      {
                        name: 'EV',
                        values: evm.series.map((p) => (p.ev === null ? null : Math.round(p.ev))),
                      },
                      {
                        name: 'AC',
                        values: evm.series.map((p) => (p.ac === null ? null : Math.round(p.ac))),
                      },
                    ],
                    ...(cur ? { unit: cur } : {}),
                  },
                },
              ]
            : []),
        ]
      : [{ type: 'paragraph', text: s.evmNote ?? 'No earned value.' }],
  });

  sections.push({
    id: 'changes',
    heading: 'Change requests',
    blocks:
      s.changeRequests.length === 0
        ? [{ type: 'paragraph', text: 'No change requests.' }]
        : [
            {
              type: 'table',
              columns: ['Key', 'Change', 'Status', 'Schedule impact', 'Cost impact'],
              rows: s.changeRequests.map((c) => [
                c.key,
                c.title,
                c.status,
                c.scheduleImpactDays === null ? '—' : days(c.scheduleImpactDays),
                money(c.costImpact, cur),
              ]),
              numeric: [false, false, false, true, true],
            },
          ],
  });

  const risks = s.risks.slice(0, TOP_RISKS);
  sections.push({
    id: 'raid',
    heading: 'RAID',
    blocks: [
      risks.length === 0
        ? { type: 'paragraph', text: 'No open risks.' }
        : {
            type: 'table',
            columns: ['Key', 'Risk', 'Category', 'P', 'I', 'Score', 'Rating', 'Owner', 'Response'],
            rows: risks.map((r) => [
              r.key,
              r.title,
              r.category ?? '—',
              r.probability === null ? '—' : percent(r.probability),
              r.impact === null ? '—' : String(r.impact),
              r.score.toFixed(1),
              r.rating,
              r.owner ?? '—',
              r.response ?? '—',
            ]),
            numeric: [false, false, false, true, true, true, false, false, false],
          },
      s.issues.length === 0
        ? { type: 'paragraph', text: 'No open issues.' }
        : {
            type: 'table',
            columns: ['Key', 'Issue', 'Owner', 'Due'],
            rows: s.issues.map((i) => [i.key, i.title, i.owner ?? '—', dateText(i.dueDate)]),
          },
      s.decisionsNeeded.length === 0
        ? { type: 'paragraph', text: 'No decisions pending.' }
        : {
            type: 'bullets',
            items: s.decisionsNeeded.map((d) => `${d.key} ${d.title}${d.detail ? ` — ${d.detail}` : ''}`),
          },
    ],
  });

  const sat = s.satisfaction;
  sections.push({
    id: 'stakeholders',
    heading: 'Stakeholder satisfaction',
    blocks: sat
      ? [
          {
            type: 'figures',
            items: [
              {
                label: 'Average (0–10)',
                value: sat.average.toFixed(1),
                tone: sat.average >= 7 ? 'good' : sat.average >= 5 ? 'warn' : 'bad',
              },
              { label: 'Previous', value: sat.previous === null ? '—' : sat.previous.toFixed(1) },
              { label: 'Stakeholders scored', value: String(sat.stakeholders) },
            ],
          },
        ]
      : [{ type: 'paragraph', text: 'No satisfaction scores recorded.' }],
  });

  return header(s, health, 'Project manager status report', sections, 'pm');
}
