/**
 * A status report as PDF, drawn with PDFKit (no browser): the standard Helvetica fonts, A4, tables
 * that break across pages with their header repeated, and the charts drawn from the same SVG as the
 * HTML report (svg-to-pdfkit). The creation date is the status date, so the same report gives the
 * same bytes.
 */
import type { ReportBlock, StatusReport, Tone } from '@tandem/core';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg } from './report-chart.ts';

const MARGIN = 50;
const RAG_COLOURS = { green: '#16a34a', amber: '#d97706', red: '#dc2626' } as const;
const TONE_COLOURS: Record<Tone, string> = {
  good: '#15803d',
  warn: '#b45309',
  bad: '#b91c1c',
  neutral: '#1f2937',
};
const TEXT = '#1f2937';
const MUTED = '#6b7280';
const RULE = '#e5e7eb';

type Doc = PDFKit.PDFDocument;

/** Helvetica's encoding has no glyph for a few characters the reports may hold. */
function pdfText(text: string): string {
  return text
    .replace(/≈/g, '~')
    .replace(/[\u2192]/g, '->')
    .replace(/[^\t\n\r\u0020-\u00ff\u2013-\u2022\u20ac\u2026\u2030]/g, '?');
}

function width(doc: Doc): number {
  return doc.page.width - 2 * MARGIN;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function paragraph(doc: Doc, text: string): void {
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(TEXT)
    .text(pdfText(text), MARGIN, doc.y, { width: width(doc) });
  doc.moveDown(0.5);
}

function bullets(doc: Doc, items: string[]): void {
  doc.font('Helvetica').fontSize(10).fillColor(TEXT);
  for (const item of items) {
    ensureSpace(doc, 14);
    const y = doc.y;
    doc.text('•', MARGIN, y);
    doc.text(pdfText(item), MARGIN + 12, y, { width: width(doc) - 12 });
  }
  doc.moveDown(0.5);
}

/** `text` cut to fit `max` points in the current font, with an ellipsis when cut. */
function fit(doc: Doc, text: string, max: number): string {
  if (doc.widthOfString(text) <= max) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function figures(doc: Doc, items: { label: string; value: string; tone?: Tone }[]): void {
  const perRow = 4;
  const cell = width(doc) / perRow;
  for (let i = 0; i < items.length; i += perRow) {
    ensureSpace(doc, 40);
    const y = doc.y;
    items.slice(i, i + perRow).forEach((item, j) => {
      const x = MARGIN + j * cell;
      doc
        .roundedRect(x, y, cell - 6, 34, 3)
        .strokeColor(RULE)
        .lineWidth(0.8)
        .stroke();
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(MUTED)
        .text(fit(doc, pdfText(item.label), cell - 18), x + 6, y + 4, { lineBreak: false });
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .fillColor(TONE_COLOURS[item.tone ?? 'neutral'])
        .text(fit(doc, pdfText(item.value), cell - 18), x + 6, y + 16, { lineBreak: false });
    });
    doc.y = y + 40;
  }
  doc.x = MARGIN;
  doc.moveDown(0.3);
}

function table(doc: Doc, columns: string[], rows: string[][], numeric: boolean[] = []): void {
  const total = width(doc);
  // Each column at least as wide as its header and its longest word; the rest shared by how much text
  // the column holds.
  const pad = 3;
  doc.font('Helvetica-Bold').fontSize(8.5);
  const headerWidths = columns.map((c) => doc.widthOfString(pdfText(c)));
  doc.font('Helvetica').fontSize(8.5);
  const minimum = columns.map((_, i) => {
    const words = rows.flatMap((r) => pdfText(r[i] ?? '').split(/\s+/));
    return (
      Math.min(total / 3, Math.max(headerWidths[i] ?? 0, ...words.map((w) => doc.widthOfString(w)))) +
      2 * pad +
      1
    );
  });
  const text = columns.map((c, i) =>
    Math.min(60, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const spare = total - minimum.reduce((a, b) => a + b, 0);
  const textSum = text.reduce((a, b) => a + b, 0) || 1;
  const widths =
    spare >= 0
      ? minimum.map((m, i) => m + (spare * (text[i] ?? 0)) / textSum)
      : minimum.map((m) => (m * total) / (total - spare));
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const heights = cells.map((c, i) =>
      doc.heightOfString(pdfText(c), { width: (widths[i] ?? 0) - 2 * pad }),
    );
    const h = Math.max(...heights, 10) + 2 * pad;
    return {
      h,
      draw: (y: number) => {
        if (bold) doc.rect(MARGIN, y, total, h).fillColor('#f3f4f6').fill();
        let x = MARGIN;
        cells.forEach((c, i) => {
          const w = widths[i] ?? 0;
          doc
            .fillColor(TEXT)
            .text(pdfText(c), x + pad, y + pad, { width: w - 2 * pad, align: numeric[i] ? 'right' : 'left' });
          x += w;
        });
        doc
          .moveTo(MARGIN, y + h)
          .lineTo(MARGIN + total, y + h)
          .strokeColor(RULE)
          .lineWidth(0.5)
          .stroke();
      },
    };
  };
  const header = () => {
    const head = drawRow(columns, true);
    const y = doc.y;
    head.draw(y);
    doc.y = y + head.h;
  };
  ensureSpace(doc, 40);
  header();
  for (const r of rows) {
    const row = drawRow(r, false);
    if (doc.y + row.h > doc.page.height - MARGIN) {
      doc.addPage();
      header();
      doc.font('Helvetica').fontSize(8.5);
    }
    const y = doc.y;
    row.draw(y);
    doc.y = y + row.h;
  }
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

function chart(doc: Doc, svg: string): void {
  const w = width(doc);
  const h = (w * CHART_HEIGHT) / CHART_WIDTH;
  ensureSpace(doc, h + 10);
  // Without its own width and height the SVG's viewBox is scaled into the box given here.
  const scalable = svg.replace(/^<svg width="\d+" height="\d+"/, '<svg');
  SVGtoPDF(doc, scalable, MARGIN, doc.y, {
    width: w,
    height: h,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? 'Helvetica-Bold' : 'Helvetica'),
  });
  doc.y += h + 10;
  doc.x = MARGIN;
}

function block(doc: Doc, b: ReportBlock): void {
  switch (b.type) {
    case 'paragraph':
      return paragraph(doc, b.text);
    case 'bullets':
      return bullets(doc, b.items);
    case 'figures':
      return figures(doc, b.items);
    case 'table':
      return table(doc, b.columns, b.rows, b.numeric);
    case 'chart':
      return chart(doc, chartSvg(b.chart));
  }
}

/** The status date as the PDF's creation and modification date (noon UTC of that day). */
function fixedDate(statusDate: string): Date {
  const d = new Date(`${statusDate}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

export function renderReportPdf(report: StatusReport): Promise<Uint8Array> {
  const date = fixedDate(report.statusDate);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: pdfText(`${report.title}: ${report.projectName}`),
      Author: 'Tandem',
      Creator: 'Tandem',
      Producer: 'Tandem (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      resolve(out);
    });
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).fillColor(TEXT).text(pdfText(report.title));
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(pdfText(`${report.projectName} · status date ${report.statusDate}`));
  doc.moveDown(0.8);
  const y = doc.y;
  doc.font('Helvetica').fontSize(10);
  const reasonHeight = doc.heightOfString(pdfText(report.ragReason), { width: width(doc) - 24 });
  const boxHeight = reasonHeight + 26;
  doc.rect(MARGIN, y, 5, boxHeight).fillColor(RAG_COLOURS[report.rag]).fill();
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor(RAG_COLOURS[report.rag])
    .text(pdfText(report.ragLabel), MARGIN + 14, y + 4);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(TEXT)
    .text(pdfText(report.ragReason), MARGIN + 14, doc.y + 2, { width: width(doc) - 24 });
  doc.y = y + boxHeight + 6;
  doc.x = MARGIN;

  for (const section of report.sections) {
    ensureSpace(doc, 60);
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(13).fillColor(TEXT).text(pdfText(section.heading), MARGIN, doc.y);
    const ruleY = doc.y + 2;
    doc
      .moveTo(MARGIN, ruleY)
      .lineTo(MARGIN + width(doc), ruleY)
      .strokeColor(RULE)
      .lineWidth(0.8)
      .stroke();
    doc.y = ruleY + 6;
    for (const b of section.blocks) block(doc, b);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this PDFKit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `Tandem · ${pdfText(report.projectName)} · ${report.statusDate} · page ${i + 1} of ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN + 15,
        {
          width: width(doc),
          align: 'center',
          lineBreak: false,
        },
      );
  }
  doc.end();
  return done;
}
