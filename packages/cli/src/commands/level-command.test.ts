import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPsplibSchedule } from '@tandem/formats';
import { readPsplib } from '@tandem/formats';
import { dataDir, requireData } from '../../../formats/src/testing/shared-data.ts';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type LevelOptions, levelCommand } from './level-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-level-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Jobs 2 and 3 need 2 of the 3 units of R1 each: they cannot overlap. Critical path 3, optimum 5.
const SM = `jobs (incl. supersource/sink ):  4
horizon                       :  5
RESOURCES
  - renewable                 :  1   R
  - nonrenewable              :  0   N
  - doubly constrained        :  0   D
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1      2      0       3        1        3
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           4
   4        1          0
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     3       2
  3      1     2       2
  4      1     0       0
RESOURCEAVAILABILITIES:
  R 1
    3
`;
writeFileSync(join(dir, 'tiny.sm'), SM);

// Ana is on both design tasks; the API spec has float (docs only follow it).
writeFileSync(
  join(dir, 'plan.yaml'),
  `project: { name: Payments, start: 2026-03-02 }
resources:
  - { id: ana, name: Ana }
  - { id: dev, name: Developers, maxUnits: 2 }
tasks:
  - { id: design, name: Design, duration: 3d, resources: [ana], priority: 700 }
  - { id: api-spec, name: API spec, duration: 2d, resources: [ana] }
  - { id: build, name: Build, duration: 5d, after: [design], resources: [{ id: dev, units: 2 }] }
  - { id: docs, name: Docs, duration: 1d, after: [api-spec] }
  - { id: live, name: Live, duration: 0, after: [build, docs] }
`,
);
writeFileSync(
  join(dir, 'calm.yaml'),
  `project: { name: Calm, start: 2026-03-02 }
resources: [{ id: ana, name: Ana }]
tasks:
  - { id: a, name: A, duration: 1d, resources: [ana] }
  - { id: b, name: B, duration: 1d, after: [a], resources: [ana] }
`,
);

async function run(file: string, options: Partial<LevelOptions> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  await levelCommand(file, { json: false, ...options }, io, dir);
  return { stdout, stderr };
}

describe('tandem level FILE.sm (PSPLIB)', () => {
  it('prints exactly makespan, lower bound and start periods by job number as JSON', async () => {
    const { stdout, stderr } = await run('tiny.sm', { json: true, schedules: 50 });
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as {
      makespan: number;
      lowerBound: number;
      starts: Record<string, number>;
    };
    expect(Object.keys(json)).toEqual(['makespan', 'lowerBound', 'starts']);
    expect(json.makespan).toBe(5);
    expect(json.lowerBound).toBe(3);
    expect(Object.keys(json.starts)).toEqual(['1', '2', '3', '4']);
    const { instance } = readPsplib(SM);
    const starts = instance.jobs.map((job) => json.starts[String(job.number)]!);
    expect(checkPsplibSchedule(instance, starts)).toEqual({ violations: [], makespan: 5 });
  });

  it('prints a table of jobs with the makespan, the bound and the search', async () => {
    const { stdout } = await run('tiny.sm', { schedules: '100', seed: '7' });
    expect(stdout).toContain('Levelled: tiny — 4 jobs, 1 renewable resource');
    expect(stdout).toMatch(/Job {2}Duration {2}Start {2}Finish {2}R1/);
    expect(stdout).toContain('Makespan        5 periods (+66.67%)');
    expect(stdout).toContain('Lower bound     3 periods (MPM-Time');
    expect(stdout).toContain('Peak use        R1 2/3');
    expect(stdout).toMatch(/budget 100, seed 7\)/);
  });

  it('is deterministic for a seed', async () => {
    const a = await run('tiny.sm', { json: true, schedules: 30, seed: 4 });
    const b = await run('tiny.sm', { json: true, schedules: 30, seed: 4 });
    expect(a.stdout).toBe(b.stdout);
  });

  it.each([
    [{ schedules: 0 }, 'invalid --schedules "0": expected a whole number of at least 1.'],
    [{ schedules: 'many' }, 'invalid --schedules "many"'],
    [{ seed: -1 }, 'invalid --seed "-1"'],
  ])('rejects %o', async (options, message) => {
    await expect(run('tiny.sm', options)).rejects.toThrow(UserError);
    await expect(run('tiny.sm', options)).rejects.toThrow(message);
  });
});

describe('tandem level FILE.sm on the PSPLIB reference instances', () => {
  const path = dataDir('psplib/j30/j301_1.sm');
  if (!requireData(path)) return;

  it('levels j301_1 to its optimum, 43', async () => {
    const { stdout } = await run(path, { json: true, schedules: 1000 });
    const json = JSON.parse(stdout) as {
      makespan: number;
      lowerBound: number;
      starts: Record<string, number>;
    };
    expect(json).toMatchObject({ makespan: 43, lowerBound: 38 });
    const { instance } = readPsplib(readFileSync(path, 'utf8'));
    const starts = instance.jobs.map((job) => json.starts[String(job.number)]!);
    expect(checkPsplibSchedule(instance, starts)).toEqual({ violations: [], makespan: 43 });
  });
});

describe('tandem level FILE (a plan)', () => {
  it('prints the levelled schedule as tandem schedule --json does, plus the levelling', async () => {
    const { stdout, stderr } = await run('plan.yaml', { json: true });
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as {
      project: { start: string; finish: string };
      tasks: { id: string; start: string }[];
      criticalPath: string[];
      levelling: {
        delays: { taskId: string; delayWorkingMinutes: number; withinFloat: boolean }[];
        overAllocationsBefore: { resourceId: string; start: string; taskIds: string[] }[];
        overAllocationsAfter: unknown[];
      };
    };
    expect(Object.keys(json)).toEqual(['project', 'tasks', 'criticalPath', 'levelling']);
    const start = (id: string) => json.tasks.find((t) => t.id === id)?.start;
    expect(start('design')).toBe('2026-03-02T08:00:00');
    expect(start('api-spec')).toBe('2026-03-05T08:00:00');
    expect(json.levelling.delays).toEqual([
      { taskId: 'api-spec', delayMinutes: 3 * 1440, delayWorkingMinutes: 3 * 480, withinFloat: true },
      // Three working days over a weekend.
      { taskId: 'docs', delayMinutes: 5 * 1440, delayWorkingMinutes: 3 * 480, withinFloat: true },
    ]);
    expect(json.levelling.overAllocationsBefore).toMatchObject([
      { resourceId: 'ana', start: '2026-03-02T08:00:00', taskIds: ['design', 'api-spec'] },
    ]);
    expect(json.levelling.overAllocationsAfter).toEqual([]);
    expect(json.project.finish).toBe('2026-03-11T17:00:00');
  });

  it('prints the levelled schedule table and what levelling did', async () => {
    const { stdout } = await run('plan.yaml');
    expect(stdout).toContain('Levelling: 2 of 5 tasks delayed');
    expect(stdout).toMatch(/api-spec {2}API spec {5}3d {6}3ed {2}yes/);
    expect(stdout).toContain('Project finish   2026-03-11 17:00 before levelling, 2026-03-11 17:00 after');
    expect(stdout).toContain('Over-allocated   1 stretch before, 0 after');
  });

  it('says so when there is nothing to level', async () => {
    const { stdout } = await run('calm.yaml');
    expect(stdout).toContain('Levelling: no resource is over-allocated; nothing to level.');
  });
});

describe('tandem level FILE.xml', () => {
  const path = dataDir('mspdi/sample.xml');
  if (!requireData(path)) return;

  it('reads an MS Project file and levels it (sample.xml has nothing over-allocated)', async () => {
    const { stdout } = await run(path, { json: true });
    const json = JSON.parse(stdout) as {
      tasks: unknown[];
      levelling: { delays: unknown[]; overAllocationsBefore: unknown[]; overAllocationsAfter: unknown[] };
    };
    expect(json.tasks).toHaveLength(19);
    expect(json.levelling).toMatchObject({ delays: [], overAllocationsBefore: [], overAllocationsAfter: [] });
  });
});
