import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type ForecastOptions, forecastCommand } from './forecast-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-risk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'plan.yaml'),
  `project: { name: Payments, start: 2026-03-02, currency: EUR }
tasks:
  - { id: design, name: Design, duration: 5d, estimate: { optimistic: 4d, mostLikely: 5d, pessimistic: 9d } }
  - id: build
    name: Build
    duration: 10d
    after: [design]
    estimate: { optimistic: 8d, mostLikely: 10d, pessimistic: 20d, distribution: pert }
  - { id: docs, name: Docs, duration: 3d, after: [design], estimate: { optimistic: 2d, mostLikely: 3d, pessimistic: 4d } }
  - { id: live, name: Go live, duration: 0, after: [build, docs], deadline: 2026-04-03 }
risks:
  - id: vendor
    name: Vendor late
    probability: 30%
    tasks: [build]
    delay: { optimistic: 2d, mostLikely: 4d, pessimistic: 8d }
    cost: { optimistic: 1000, mostLikely: 2000, pessimistic: 5000 }
correlations:
  - { tasks: [build, docs], coefficient: 0.5 }
`,
);
writeFileSync(
  join(dir, 'fixed.yaml'),
  `project: { name: Fixed, start: 2026-03-02 }
tasks:
  - { id: a, name: A, duration: 2d }
  - { id: b, name: B, duration: 0, after: [a] }
`,
);

async function run(file: string, options: Partial<ForecastOptions>, tty = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: Object.assign({ write: (t: string) => (stderr += t) }, { isTTY: tty }),
  };
  await forecastCommand(file, { json: false, iterations: 400, ...options }, io, dir);
  return { stdout, stderr };
}

describe('tandem forecast FILE', () => {
  it('prints the finish percentiles, milestones, deadlines, criticality, sensitivity and risks', async () => {
    const { stdout, stderr } = await run('plan.yaml', { seed: 3, threads: 1 });
    expect(stderr).toBe('');
    expect(stdout).toContain('Forecast: Payments');
    expect(stdout).toContain(
      '400 iterations, seed 3, 1 thread; 3 tasks with three-point estimates, 1 risk, 1 correlation group; project start 2026-03-02 08:00',
    );
    expect(stdout).toMatch(/\n {2}Planned +2026-03-20 17:00 +15\.0 {2}\d+% chance of finishing by then\n/);
    for (const p of ['P10', 'P50', 'P80', 'P90', 'P95'])
      expect(stdout).toMatch(new RegExp(`\\n  ${p} +2026-\\d\\d-\\d\\d \\d\\d:\\d\\d +\\d+\\.\\d\\n`));
    expect(stdout).toMatch(
      /Milestones\n {2}Milestone +Planned +P50 +P80 +P90 +On plan\n {2}live {2}Go live {2}2026-03-20 17:00/,
    );
    expect(stdout).toMatch(
      /Deadlines\n.*\n {2}live {2}Go live {2}2026-04-03 \d\d:\d\d {2}2026-03-20 17:00 +\d+%/,
    );
    expect(stdout).toMatch(/Criticality \(top 10.*\n {2}100% {2}design +Design\n/);
    expect(stdout).toMatch(/Sensitivity \(top 10.*\n {2}\+0\.\d\d {2}build +Build +█+\n/);
    expect(stdout).toMatch(
      /Risks\n.*\n {2}vendor {2}Vendor late +\d\d% +\d\.\dd +\d,\d{3} EUR +[+−]0\.\d\d\n/,
    );
    expect(stdout).toMatch(/Risk cost: mean [\d,]+ EUR, P10 0 EUR, P50 0 EUR, P80 [\d,]+ EUR/);
  });

  it('prints the full result as JSON, the same for the same seed on any number of threads', async () => {
    const one = JSON.parse((await run('plan.yaml', { json: true, seed: 7, threads: 1 })).stdout);
    const two = JSON.parse((await run('plan.yaml', { json: true, seed: 7, threads: '2' })).stdout);
    expect(one).toMatchObject({ iterations: 400, seed: 7, threads: 1, kernel: 'working-minutes' });
    expect(one.finish.percentiles.map((p: { percent: number }) => p.percent)).toEqual([10, 50, 80, 90, 95]);
    expect(one.histogram.length).toBeGreaterThan(1);
    expect(one.sCurve).toHaveLength(101);
    expect({ ...two, threads: 1 }).toEqual(one);
  });

  it('shows progress on a terminal and clears it', async () => {
    const { stderr } = await run('plan.yaml', { iterations: 1000, threads: 1 }, true);
    expect(stderr).toContain('\rForecasting… 1% (10 of 1,000 iterations)');
    expect(stderr).toContain('\rForecasting… 100% (1,000 of 1,000 iterations)');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('warns when nothing in the plan is uncertain', async () => {
    const { stdout, stderr } = await run('fixed.yaml', { iterations: 10 });
    expect(stderr).toContain('no task in fixed.yaml has a three-point estimate and no risk can occur');
    expect(stdout).toMatch(/P95 +2026-03-03 17:00 +2\.0/);
  });

  it.each([
    [{ iterations: '0' }, /invalid --iterations "0": expected a whole number of at least 1/],
    [{ seed: '-1' }, /invalid --seed "-1": expected a whole number/],
    [{ threads: 'many' }, /invalid --threads "many"/],
  ])('rejects bad options %o', async (options, message) => {
    await expect(run('plan.yaml', options)).rejects.toThrow(UserError);
    await expect(run('plan.yaml', options)).rejects.toThrow(message);
  });

  it('reports a bad estimate as a user error naming the task', async () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        project: { name: 'Bad', start: '2026-03-02' },
        tasks: [
          {
            id: 'x',
            name: 'X',
            duration: '2d',
            estimate: { optimistic: '3d', mostLikely: '2d', pessimistic: '4d' },
          },
        ],
      }),
    );
    await expect(run('bad.json', {})).rejects.toThrow(
      /(cannot forecast bad.json: Task "X" \(x\))|(optimistic)/,
    );
  });
});
