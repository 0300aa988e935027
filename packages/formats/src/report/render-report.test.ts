import { buildStatusReport, REPORT_AUDIENCES, sampleSnapshot } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { pdftoppmUnavailable, renderPdfPages } from '../testing/pdf-pages.ts';
import { chartSvg } from './report-chart.ts';
import { renderReportHtml } from './report-html.ts';
import { escapeMarkdown, renderReportMarkdown } from './report-markdown.ts';
import { renderReportPdf } from './report-pdf.ts';

const snapshot = sampleSnapshot();

describe('report renderers', () => {
  it('HTML is self-contained, escapes user text and inlines the charts as SVG', () => {
    const html = renderReportHtml(buildStatusReport(snapshot, 'executive'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Core banking vendor &lt;script&gt;alert(1)&lt;/script&gt; late');
    expect(html).toContain('Online banking &lt;platform&gt; &amp; &quot;app&quot;');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<link|src="http|<script/);
  });

  it('chart SVG escapes user text in labels', () => {
    const svg = chartSvg({
      kind: 'bar',
      title: 'T <b>',
      categories: ['<script>x</script>'],
      series: [{ name: 'a&b', values: [1] }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
  });

  it('Markdown escapes user text and keeps tables intact', () => {
    expect(escapeMarkdown('a | b *c* <x>')).toBe('a \\| b \\*c\\* &lt;x\\>');
    const md = renderReportMarkdown(buildStatusReport(snapshot, 'pm'));
    expect(md).toContain('# Project manager status report');
    expect(md).toContain('| Key | Change | Status | Schedule impact | Cost impact |');
    expect(md).toContain('![PV, EV and AC \\(cumulative, weekly\\)](data:image/svg+xml;base64,');
    expect(md).not.toContain('<script>');
  });

  it('the same report gives the same bytes in every format', async () => {
    for (const audience of REPORT_AUDIENCES) {
      const report = buildStatusReport(snapshot, audience);
      expect(renderReportHtml(report)).toBe(renderReportHtml(buildStatusReport(snapshot, audience)));
      const [a, b] = await Promise.all([renderReportPdf(report), renderReportPdf(report)]);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(Buffer.from(a).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(Buffer.from(a).toString('latin1')).toContain('(D:20260213120000Z)');
    }
  });

  const skip = pdftoppmUnavailable();
  it.skipIf(skip !== null)(
    `PDFs open and draw on every page (pdftoppm)${skip ? ` — ${skip}` : ''}`,
    async () => {
      for (const audience of REPORT_AUDIENCES) {
        const pages = renderPdfPages(await renderReportPdf(buildStatusReport(snapshot, audience)));
        expect(pages.length).toBeGreaterThan(0);
        expect(pages[0]!.ink).toBeGreaterThan(0.01);
        for (const page of pages) {
          expect(page.width).toBeGreaterThan(100);
          expect(page.ink).toBeGreaterThan(0.0005);
        }
      }
    },
  );
});
