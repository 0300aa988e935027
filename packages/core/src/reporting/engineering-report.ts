/**
 * The engineering report: the critical path, blockers, technical risks, the DORA four keys, quality,
 * SLOs and releases.
 */
import { header } from './executive-report.ts';
import type { ReportHealth } from './report-health.ts';
import type { ReportBlock, ReportSection, StatusReport } from './report-model.ts';
import { dateText, days, percent } from './report-text.ts';
import type { StatusSnapshot } from './status-snapshot.ts';

export function engineeringReport(s: StatusSnapshot, health: ReportHealth): StatusReport {
  const cp = s.schedule.criticalPath;
  const sections: ReportSection[] = [
    {
      id: 'health',
      heading: 'Health',
      blocks: [
        {
          type: 'paragraph',
          text: `RAG ${health.rag.toUpperCase()} (${health.recorded ? 'recorded by the team' : 'derived from schedule, cost, risks and blockers'}). ${s.blockers.length} blocked, ${s.risks.filter((r) => r.category === 'technical').length} open technical risks, ${s.schedule.criticalPath.length} unfinished critical tasks.`,
        },
      ],
    },
    {
      id: 'critical-path',
      heading: 'Critical path',
      blocks:
        cp.length === 0
          ? [{ type: 'paragraph', text: 'No unfinished work on the critical path.' }]
          : [
              {
                type: 'paragraph',
                text: `${cp.length} unfinished critical task${cp.length === 1 ? '' : 's'} drive the finish on ${dateText(s.schedule.finish)}.`,
              },
              {
                type: 'table',
                columns: ['Task', 'Start', 'Finish', 'Total float', '% done', 'Remaining'],
                rows: cp.map((t) => [
                  t.name,
                  dateText(t.start),
                  dateText(t.finish),
                  days(t.totalFloatDays),
                  `${Math.round(t.percentComplete)}%`,
                  days(t.remainingDays),
                ]),
                numeric: [false, false, false, true, true, true],
              },
              {
                type: 'chart',
                chart: {
                  kind: 'bar',
                  title: 'Remaining work on the critical path (working days)',
                  categories: cp.map((t) => t.name),
                  series: [
                    { name: 'Remaining', values: cp.map((t) => Math.round(t.remainingDays * 10) / 10) },
                  ],
                  unit: 'days',
                },
              },
            ],
    },
    {
      id: 'blockers',
      heading: 'Blockers',
      blocks:
        s.blockers.length === 0
          ? [{ type: 'paragraph', text: 'Nothing is blocked.' }]
          : [
              {
                type: 'bullets',
                items: s.blockers.map((b) => `${b.name}${b.reason ? ` — ${b.reason}` : ''}`),
              },
            ],
    },
  ];

  const technical = s.risks.filter((r) => r.category === 'technical');
  sections.push({
    id: 'technical-risks',
    heading: 'Technical risks',
    blocks:
      technical.length === 0
        ? [{ type: 'paragraph', text: 'No open technical risks.' }]
        : [
            {
              type: 'table',
              columns: ['Key', 'Risk', 'P', 'I', 'Score', 'Owner', 'Response'],
              rows: technical.map((r) => [
                r.key,
                r.title,
                r.probability === null ? '—' : percent(r.probability),
                r.impact === null ? '—' : String(r.impact),
                r.score.toFixed(1),
                r.owner ?? '—',
                r.response ?? '—',
              ]),
              numeric: [false, false, true, true, true, false, false],
            },
          ],
  });

  sections.push({ id: 'dora', heading: 'DORA four keys', blocks: doraBlocks(s) });

  const q = s.quality;
  sections.push({
    id: 'quality',
    heading: 'Quality',
    blocks: q
      ? [
          {
            type: 'figures',
            items: [
              { label: 'Test coverage', value: percent(q.coverage) },
              { label: 'Open defects', value: q.openDefects === null ? '—' : String(q.openDefects) },
              { label: 'Code-quality findings', value: q.findings === null ? '—' : String(q.findings) },
              {
                label: 'Technical-debt items',
                value: q.techDebtItems === null ? '—' : String(q.techDebtItems),
              },
            ],
          },
        ]
      : [{ type: 'paragraph', text: 'No quality data (coverage, findings, debt) has been received.' }],
  });

  sections.push({
    id: 'slos',
    heading: 'SLOs',
    blocks:
      s.slos.length === 0
        ? [{ type: 'paragraph', text: 'No SLOs defined.' }]
        : [
            {
              type: 'table',
              columns: ['SLO', 'Objective', 'Uptime', 'Error budget left'],
              rows: s.slos.map((o) => [
                o.name,
                percent(o.objective, 2),
                percent(o.uptime, 3),
                percent(o.errorBudgetRemaining),
              ]),
              numeric: [false, true, true, true],
            },
          ],
  });

  sections.push({
    id: 'releases',
    heading: 'Releases',
    blocks:
      s.releases.length === 0
        ? [{ type: 'paragraph', text: 'No releases planned.' }]
        : [
            {
              type: 'table',
              columns: ['Release', 'Tag', 'Status', 'Planned', 'Actual'],
              rows: s.releases.map((r) => [
                r.name,
                r.tag ?? '—',
                r.status,
                dateText(r.plannedDate),
                dateText(r.actualDate),
              ]),
            },
          ],
  });

  return header(s, health, 'Engineering status report', sections, 'engineering');
}

function doraBlocks(s: StatusSnapshot): ReportBlock[] {
  const d = s.dora;
  if (!d) return [{ type: 'paragraph', text: s.doraNote ?? 'No deployment data.' }];
  const rating = (r: string | null) => r ?? '—';
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: `From ${dateText(d.window.from)} to ${dateText(d.window.to)}; overall: ${d.overall ?? '—'}.`,
    },
    {
      type: 'table',
      columns: ['Key', 'Value', 'Rating'],
      rows: [
        ['Deployment frequency', d.deploymentFrequency.value, rating(d.deploymentFrequency.rating)],
        ['Lead time for changes', d.leadTimeForChanges.value, rating(d.leadTimeForChanges.rating)],
        ['Change failure rate', d.changeFailureRate.value, rating(d.changeFailureRate.rating)],
        ['Time to restore service', d.timeToRestore.value, rating(d.timeToRestore.rating)],
      ],
    },
  ];
  if (d.deploymentsPerWeek.length > 1)
    blocks.push({
      type: 'chart',
      chart: {
        kind: 'bar',
        title: 'Deployments per week',
        categories: d.deploymentsPerWeek.map((w) => w.label),
        series: [{ name: 'Deployments', values: d.deploymentsPerWeek.map((w) => w.count) }],
        unit: 'deployments',
      },
    });
  return blocks;
}
