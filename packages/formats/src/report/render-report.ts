/** One entry point for the three report formats: text for Markdown and HTML, bytes for PDF. */
import type { StatusReport } from '@tandem/core';
import { renderReportHtml } from './report-html.ts';
import { renderReportMarkdown } from './report-markdown.ts';
import { renderReportPdf } from './report-pdf.ts';

export const REPORT_FORMATS = ['html', 'md', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

export async function renderReport(report: StatusReport, format: ReportFormat): Promise<string | Uint8Array> {
  if (format === 'html') return renderReportHtml(report);
  if (format === 'md') return renderReportMarkdown(report);
  return renderReportPdf(report);
}
