/**
 * A status report as the renderers see it: a title, a RAG headline and sections of plain blocks
 * (paragraphs, bullet lists, key figures, tables, charts). What to say is decided by the audience's
 * builder; how it looks is decided by each renderer (Markdown, HTML, PDF).
 */
import type { Rag, ReportAudience } from './status-snapshot.ts';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export interface ChartSpec {
  kind: 'line' | 'bar';
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Unit of the values for the axis: `GBP`, `days`, `deployments`. */
  unit?: string;
}

export type ReportBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'figures'; items: { label: string; value: string; tone?: Tone }[] }
  | { type: 'table'; columns: string[]; rows: string[][]; numeric?: boolean[] }
  | { type: 'chart'; chart: ChartSpec };

export interface ReportSection {
  id: string;
  heading: string;
  blocks: ReportBlock[];
}

export interface StatusReport {
  audience: ReportAudience;
  title: string;
  projectName: string;
  /** `YYYY-MM-DD`. */
  statusDate: string;
  rag: Rag;
  ragLabel: string;
  ragReason: string;
  sections: ReportSection[];
}

/** Every piece of text in a report, for checks such as the executive jargon test. */
export function reportText(report: StatusReport): string {
  const parts = [report.title, report.ragLabel, report.ragReason];
  for (const s of report.sections) {
    parts.push(s.heading);
    for (const b of s.blocks) {
      if (b.type === 'paragraph') parts.push(b.text);
      else if (b.type === 'bullets') parts.push(...b.items);
      else if (b.type === 'figures') for (const i of b.items) parts.push(i.label, i.value);
      else if (b.type === 'table') parts.push(...b.columns, ...b.rows.flat());
      else parts.push(b.chart.title, ...b.chart.series.map((x) => x.name), b.chart.unit ?? '');
    }
  }
  return parts.join('\n');
}
