/**
 * `tandem report` on a seeded SQLite folder (the demo workspace), and `tandem advise` from a profile
 * file and from flags.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_PROFILES, findJargon } from '@tandem/core';
import { openDatabase } from '@tandem/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftoppmUnavailable, renderPdfPages } from '../../../formats/src/testing/pdf-pages.ts';
import { seedDemoWorkspace } from '../../../server/src/seed/seed-demo-workspace.ts';
import type { CliIo } from '../cli-io.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: {},
    cwd: dir,
  };
  const code = await main(argv, io);
  return { code, ...out };
}

describe('tandem report', () => {
  let bankingId = '';
  beforeAll(async () => {
    const { db, close } = await openDatabase({ dataDir: join(dir, 'data') });
    const seeded = await seedDemoWorkspace(db, {
      hashPassword: async (p) => `test:${p}`,
      ownerPassword: 'x'.repeat(16),
    });
    bankingId = seeded!.projects.banking.id;
    await close();
  });

  const report = (audience: string, ...more: string[]) =>
    run([
      'report',
      '--data',
      'data',
      '--project',
      bankingId,
      '--audience',
      audience,
      '--status-date',
      '2026-02-13',
      ...more,
    ]);

  it('prints each audience’s report as Markdown, the executive one without jargon', async () => {
    const exec = await report('executive');
    expect(exec.code).toBe(0);
    expect(exec.stdout).toMatch(/^# Executive status report: Northbridge Bank/);
    expect(findJargon(exec.stdout.replace(/\(data:image[^)]*\)/g, ''))).toEqual([]);
    const eng = await report('engineering');
    expect(eng.stdout).toContain('## Critical path');
    expect(eng.stdout).toContain('## DORA four keys');
    // By name too, and the same again for the same date.
    const byName = await run([
      'report',
      '--data',
      'data',
      '--project',
      'northbridge bank — online banking platform',
      '--audience',
      'engineering',
      '--status-date',
      '2026-02-13',
    ]);
    expect(byName.stdout).toBe(eng.stdout);
  });

  it('writes HTML and PDF files', async () => {
    const html = await report('pm', '--format', 'html', '--output', 'pm.html');
    expect(html).toMatchObject({ code: 0, stdout: '' });
    expect(html.stderr).toContain('pm.html');
    expect(readFileSync(join(dir, 'pm.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg/);
    const pdf = await report('executive', '--format', 'pdf', '--output', 'exec.pdf');
    expect(pdf.code).toBe(0);
    const bytes = readFileSync(join(dir, 'exec.pdf'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (pdftoppmUnavailable() === null) expect(renderPdfPages(bytes)[0]!.ink).toBeGreaterThan(0.01);
  });

  it('says what is wrong', async () => {
    expect(await report('board')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--audience must be one of executive, pm, engineering/),
    });
    expect(await report('pm', '--format', 'pdf')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/needs --output/),
    });
    expect(await report('pm', '--status-date', 'soon')).toMatchObject({ code: 2 });
    const unknown = await run(['report', '--data', 'data', '--project', 'nope', '--audience', 'pm']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no project "nope".*Northbridge/),
    });
  });
});

describe('tandem advise', () => {
  it('advises from a profile file, with reasons, costs and sources', async () => {
    writeFileSync(
      join(dir, 'rollout.yaml'),
      Object.entries(SEED_PROFILES.itInfrastructureRollout)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
    );
    const r = await run(['advise', '--profile', 'rollout.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recommendation: IT Project Manager \(IT PM\)/);
    expect(r.stdout).toContain('(from Domain)');
    expect(r.stdout).toContain('USD 95,000');
    expect(r.stdout).toMatch(/derived — Derived from the TPM average/);
    expect(r.stdout).toMatch(/Note: The sources disagree/);
    expect(r.stdout).toContain('Trade-offs');
  });

  it('advises from flags, which override the file, and prints JSON', async () => {
    const flags = [
      '--complexity',
      'high',
      '--domain',
      'software',
      '--team-size',
      '100',
      '--seniority',
      'senior',
      '--technologies',
      '12',
      '--strong-tech-leads',
      'yes',
      '--sponsors',
      'mixed',
      '--uncertainty',
      'medium',
      '--in-house-experts',
      'no',
      '--product-manager',
      'yes',
    ];
    const r = await run(['advise', ...flags, '--json']);
    expect(r.code).toBe(0);
    const advice = JSON.parse(r.stdout) as { recommendation: string; profile: { teamSize: number } };
    expect(advice).toMatchObject({ recommendation: 'pm_tpm', profile: { teamSize: 100 } });
    const smaller = await run([
      'advise',
      '--profile',
      'rollout.yaml',
      '--team-size',
      '5',
      '--complexity',
      'high',
      '--domain',
      'software',
      '--json',
    ]);
    expect(JSON.parse(smaller.stdout)).toMatchObject({ profile: { teamSize: 5, domain: 'software' } });
  });

  it('names what is missing or wrong', async () => {
    const missing = await run(['advise', '--team-size', '5']);
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/missing: --complexity, --domain/),
    });
    writeFileSync(join(dir, 'bad.yaml'), 'teamSize: many\ndomain: space\n');
    const bad = await run(['advise', '--profile', 'bad.yaml']);
    expect(bad.code).toBe(2);
    expect(await run(['advise', '--profile', 'none.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cannot read none.yaml/),
    });
    expect(await run(['advise', '--team-size', 'lots', '--profile', 'rollout.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--team-size must be a whole number/),
    });
  });

  it('has help', async () => {
    expect((await run(['help', 'advise'])).stdout).toContain('--strong-tech-leads');
    expect((await run(['help', 'report'])).stdout).toContain('--audience');
  });
});
