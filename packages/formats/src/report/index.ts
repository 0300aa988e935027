// Status reports rendered: Markdown, self-contained HTML, PDF (PDFKit); charts by ECharts' SSR.
export * from './report-chart.ts';
export * from './report-markdown.ts';
export * from './report-html.ts';
export * from './report-pdf.ts';
export * from './render-report.ts';
