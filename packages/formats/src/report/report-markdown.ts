/**
 * A status report as Markdown (GitHub-flavoured tables). User text is escaped so a risk called
 * `*urgent* | <b>` stays text; charts are embedded as SVG images (data URIs).
 */
import type { ReportBlock, StatusReport } from '@tandem/core';
import { chartSvg } from './report-chart.ts';

/** Escapes Markdown and inline HTML in one line of text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_{}[\]()#+!|~>])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/^(\s*)-/, '$1\\-')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/** UTF-8 text as base64, without Node's Buffer (runs in a browser too). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function block(b: ReportBlock): string {
  switch (b.type) {
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'bullets':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'figures':
      return b.items.map((i) => `- **${escapeMarkdown(i.label)}:** ${escapeMarkdown(i.value)}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
      const rule = `| ${b.columns.map((_, i) => (b.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
      return [row(b.columns), rule, ...b.rows.map(row)].join('\n');
    }
    case 'chart': {
      const svg = base64(chartSvg(b.chart));
      return `![${escapeMarkdown(b.chart.title)}](data:image/svg+xml;base64,${svg})`;
    }
  }
}

export function renderReportMarkdown(report: StatusReport): string {
  const out = [
    `# ${escapeMarkdown(report.title)}: ${escapeMarkdown(report.projectName)}`,
    '',
    `Status date: ${report.statusDate}`,
    '',
    `**${escapeMarkdown(report.ragLabel)}** — ${escapeMarkdown(report.ragReason)}`,
  ];
  for (const section of report.sections) {
    out.push('', `## ${escapeMarkdown(section.heading)}`);
    for (const b of section.blocks) out.push('', block(b));
  }
  return `${out.join('\n')}\n`;
}
