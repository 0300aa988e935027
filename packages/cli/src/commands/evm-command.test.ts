import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type EvmOptions, evmCommand } from './evm-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-evm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Microsoft Project's example: a four-day task, $100 planned, 60% done after two days.
// 32 hours at $3.125 an hour is the $100; 60% of the work done has cost $60.
const PLAN = `project: { name: Four days, start: 2026-03-02, statusDate: 2026-03-03, currency: USD }
resources:
  - { id: dev, name: Developer, rate: 3.125 }
tasks:
  - id: build
    name: Build
    duration: 4d
    resources: [dev]
    progress: { percent: 60, actualStart: 2026-03-02 }
baselines:
  - name: '0'
    tasks:
      build: { start: 2026-03-02, finish: 2026-03-05, duration: 4d, cost: 100 }
  - name: '1'
    tasks:
      build: { start: 2026-03-02, finish: 2026-03-05, duration: 4d, cost: 200 }
`;
writeFileSync(join(dir, 'plan.yaml'), PLAN);
writeFileSync(join(dir, 'undated.yaml'), PLAN.replace(', statusDate: 2026-03-03', ''));

async function run(file: string, options: Partial<EvmOptions> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  await evmCommand(file, { json: false, ...options }, io, dir);
  return { stdout, stderr };
}

describe('tandem evm', () => {
  it('prints the measures, indices, estimates, earned schedule and tasks', async () => {
    const { stdout } = await run('plan.yaml');
    expect(stdout).toContain(
      'Earned value of Four days against Baseline, status date 2026-03-03 17:00 (USD)',
    );
    expect(stdout).toMatch(/Budget at completion\s+BAC\s+100\.00/);
    expect(stdout).toMatch(/Planned value\s+PV \(BCWS\)\s+50\.00/);
    expect(stdout).toMatch(/Earned value\s+EV \(BCWP\)\s+60\.00/);
    expect(stdout).toMatch(/Actual cost\s+AC \(ACWP\)\s+60\.00/);
    expect(stdout).toMatch(/SPI = EV \/ PV\s+1\.20/);
    expect(stdout).toMatch(/BAC \/ CPI\s+100\.00\s+40\.00\s+0\.00/);
    expect(stdout).toContain('ES 2.40 at AT 2.00 of PD 4.00: SV(t) 0.40, SPI(t) 1.20');
    expect(stdout).toContain('forecast finish 2026-03-05 10:40 (baseline finish 2026-03-05 17:00)');
    expect(stdout).toMatch(/build\s+Build\s+60\s+100\.00\s+50\.00\s+60\.00\s+60\.00\s+1\.20\s+1\.00/);
  });

  it('prints the full result as JSON, against another baseline and status date, by week', async () => {
    const { stdout } = await run('plan.yaml', {
      json: true,
      baseline: 'Baseline1',
      statusDate: '2026-03-04',
      period: 'week',
    });
    const result = JSON.parse(stdout);
    expect(result.project).toBe('Four days');
    expect(result.baseline).toEqual({ name: '1', displayName: 'Baseline1' });
    expect(result.statusDate).toBe('2026-03-04T17:00:00');
    expect(result.indicators.bac).toBe(200);
    expect(result.indicators.pv).toBe(150);
    expect(result.series.unit).toBe('week');
    expect(result.series.points[0]).toMatchObject({ start: '2026-03-02', end: '2026-03-08', pv: 200 });
  });

  it('prints the series as a table', async () => {
    const { stdout } = await run('plan.yaml', { period: 'day' });
    expect(stdout).toContain('Cumulative by day');
    expect(stdout).toMatch(/2\s+2026-03-03\s+2026-03-03\s+50\.00\s+60\.00\s+60\.00/);
    expect(stdout).toMatch(/4\s+2026-03-05\s+2026-03-05\s+100\.00\s+—\s+—/);
  });

  it.each([
    [
      'plan.yaml',
      { baseline: 'Baseline4' },
      /no baseline is called "Baseline4"; the project has "Baseline", "Baseline1"/i,
    ],
    ['undated.yaml', {}, /it has no status date\. Pass one with --status-date/],
    ['plan.yaml', { statusDate: '13/03/2026' }, /invalid --status-date "13\/03\/2026"/],
    ['plan.yaml', { period: 'fortnight' }, /invalid --period "fortnight": expected day, week or month/],
  ])('explains what is wrong: %s %o', async (file, options, message) => {
    const attempt = run(file, options);
    await expect(attempt).rejects.toThrow(UserError);
    await expect(run(file, options)).rejects.toThrow(message);
  });
});
