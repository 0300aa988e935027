/**
 * Test helper: renders a PDF's pages to PNG with poppler's `pdftoppm` (Debian's poppler-utils) and
 * measures how much of each page is ink, to prove the PDF opens and draws. Outside CI a missing
 * `pdftoppm` skips the check; in CI it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inCi } from './shared-data.ts';

export const PDFTOPPM = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => existsSync(p));

/** Why the PDF check cannot run here, or null when it can (throws in CI without pdftoppm). */
export function pdftoppmUnavailable(): string | null {
  if (PDFTOPPM) return null;
  if (inCi) throw new Error('pdftoppm is required in CI (apt-get install poppler-utils)');
  return 'pdftoppm not installed (poppler-utils): PDF rendering check skipped outside CI';
}

export interface RenderedPage {
  file: string;
  width: number;
  height: number;
  /** Share of pixels that are not white, 0..1. */
  ink: number;
}

/** Renders every page at `dpi` to grey-scale PGM files in `dir` (default a new temp folder). */
export function renderPdfPages(
  pdf: Uint8Array,
  options: { dpi?: number; dir?: string; png?: boolean } = {},
): RenderedPage[] {
  if (!PDFTOPPM) throw new Error('pdftoppm is not installed');
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tandem-pdf-'));
  const input = join(dir, 'report.pdf');
  writeFileSync(input, pdf);
  const dpi = String(options.dpi ?? 40);
  execFileSync(PDFTOPPM, ['-r', dpi, '-gray', input, join(dir, 'page')]);
  if (options.png) execFileSync(PDFTOPPM, ['-r', '80', '-png', input, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => ({ file: join(dir, f), ...pgmInk(readFileSync(join(dir, f))) }));
}

/** Binary PGM (P5, 8-bit): size and the share of non-white pixels. */
function pgmInk(data: Buffer): { width: number; height: number; ink: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = data.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 230) dark++;
  return { width, height, ink: dark / (width * height) };
}
