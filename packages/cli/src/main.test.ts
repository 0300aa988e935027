import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.ts';
import { main, version } from './main.ts';
import { reportError } from './report-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

async function run(argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t) },
    env: options.env ?? {},
    cwd: dir,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const PLAN = `project: { name: Tiny, start: 2026-03-02 }
tasks:
  - id: phase
    name: Phase
    children:
      - { id: design, name: Design, duration: 2d }
      - { id: docs, name: Docs, duration: 1d, after: [design] }
  - { id: build, name: Build, duration: 3d, after: [design] }
  - { id: live, name: Live, duration: 0, after: [build, docs] }
`;

const SM = `jobs (incl. supersource/sink ):  4
horizon                       :  5
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

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>Tiny</Name>
  <StartDate>2026-03-02T08:00:00</StartDate>
  <Tasks>
    <Task><UID>1</UID><ID>1</ID><Name>Design</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Duration>PT24H0M0S</Duration>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
</Project>
`;

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('tandem: help and version', () => {
  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `tandem ${version()}\n`, stderr: '' });
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([[['--help']], [['-h']], [[]]])('prints the general help for %j', async (argv) => {
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    expect(stdout).toContain('tandem schedule FILE [--json] [--status-date DATE]');
    expect(stdout).toContain('tandem demo');
  });

  it.each([[['help', 'schedule']], [['schedule', '--help']]])(
    'prints the help of schedule for %j',
    async (argv) => {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^tandem schedule — /);
      expect(stdout).toContain('--status-date DATE');
    },
  );
});

describe('tandem schedule', () => {
  it('prints an aligned table, the project dates and the critical path', async () => {
    const { code, stdout, stderr } = await run(['schedule', file('tiny.yaml', PLAN)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '   ID      WBS  Task      Duration  Start             Finish            Float',
        '*  phase   1    Phase           3d  2026-03-02 08:00  2026-03-04 17:00     0d',
        '*  design  1.1    Design        2d  2026-03-02 08:00  2026-03-03 17:00     0d',
        '   docs    1.2    Docs          1d  2026-03-04 08:00  2026-03-04 17:00     2d',
        '*  build   2    Build           3d  2026-03-04 08:00  2026-03-06 17:00     0d',
        '*  live    3    Live            0d  2026-03-06 17:00  2026-03-06 17:00     0d',
        '',
        'Project start   2026-03-02 08:00',
        'Project finish  2026-03-06 17:00',
        'Critical path   design → build → live',
        '                (3 tasks; * marks the critical tasks in the table)',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await run(['schedule', 'tiny.yaml', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.project).toEqual({ start: '2026-03-02T08:00:00', finish: '2026-03-06T17:00:00' });
    expect(json.criticalPath).toEqual(['design', 'build', 'live']);
    expect(json.tasks[3]).toMatchObject({
      id: 'build',
      name: 'Build',
      summary: false,
      milestone: false,
      start: '2026-03-04T08:00:00',
      finish: '2026-03-06T17:00:00',
      earlyStart: '2026-03-04T08:00:00',
      earlyFinish: '2026-03-06T17:00:00',
      lateStart: '2026-03-04T08:00:00',
      lateFinish: '2026-03-06T17:00:00',
      totalFloatMinutes: 0,
      freeFloatMinutes: 0,
      critical: true,
    });
    expect(json.tasks[2]).toMatchObject({ id: 'docs', totalFloatMinutes: 960, critical: false });
  });

  it('colours critical rows when stdout is a terminal, unless NO_COLOR is set', async () => {
    expect((await run(['schedule', 'tiny.yaml'], { tty: true })).stdout).toContain('\u001b[31m');
    expect(
      (await run(['schedule', 'tiny.yaml'], { tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
    expect((await run(['schedule', 'tiny.yaml', '--no-color'], { tty: true })).stdout).not.toContain(
      '\u001b[',
    );
  });

  it('reads PSPLIB files and reports periods and the makespan', async () => {
    const sm = file('tiny.sm', SM);
    const table = await run(['schedule', sm]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Makespan        3 periods (MPM-Time in the file: 3; resources ignored)');
    const { stdout } = await run(['schedule', sm, '--json']);
    const json = JSON.parse(stdout);
    expect(json.project.makespan).toBe(3);
    expect(
      json.tasks.map((t: { startPeriod: number; finishPeriod: number }) => [t.startPeriod, t.finishPeriod]),
    ).toEqual([
      [0, 0],
      [0, 3],
      [0, 2],
      [3, 3],
    ]);
  });

  it('reads MS Project XML files', async () => {
    const { code, stdout, stderr } = await run(['schedule', file('tiny.xml', XML), '--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^tandem: warning: /);
    expect(JSON.parse(stdout).project).toEqual({
      start: '2026-03-02T08:00:00',
      finish: '2026-03-06T17:00:00',
    });
  });

  it('reads JSON plan files', async () => {
    const json = JSON.stringify({
      project: { name: 'J', start: '2026-03-02' },
      tasks: [{ id: 'a', duration: '1d' }],
    });
    const { code, stdout } = await run(['schedule', file('plan.json', json), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).project.finish).toBe('2026-03-02T17:00:00');
  });

  it('moves unfinished work after --status-date', async () => {
    const started = file(
      'started.yaml',
      'project: { name: S, start: 2026-03-02 }\ntasks:\n  - { id: a, duration: 4d, progress: { percent: 50, actualStart: 2026-03-02 } }\n',
    );
    const before = JSON.parse((await run(['schedule', started, '--json'])).stdout);
    const after = JSON.parse(
      (await run(['schedule', started, '--json', '--status-date', '2026-03-10'])).stdout,
    );
    expect(after.tasks[0].finish > before.tasks[0].finish).toBe(true);
    const table = (await run(['schedule', started, '--status-date', '2026-03-10'])).stdout;
    expect(table).toContain('Status date     2026-03-10 17:00\n');
  });
});

describe('tandem demo', () => {
  it('schedules the bundled plan and marks the critical path', async () => {
    const { code, stdout, stderr } = await run(['demo']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Tandem demo: Northbridge Bank — online banking platform\n/);
    expect(stdout).toMatch(/^\* {2}go-live /m);
    expect(stdout).toMatch(/^Critical path {3}\S/m);
    expect(stdout).toContain('Schedule your own plan: tandem schedule path/to/plan.yaml');
    expect(stdout).not.toContain('Warnings');
  });

  it('prints the demo as JSON', async () => {
    const json = JSON.parse((await run(['demo', '--json'])).stdout);
    expect(json.tasks.length).toBeGreaterThanOrEqual(40);
    expect(json.criticalPath.at(-1)).toBe('closure');
  });
});

describe('tandem forecast, evm: the analytics on the command line', () => {
  const demo = new URL('../demo/online-banking.yaml', import.meta.url).pathname;

  it('forecasts a plan with a seed: the same numbers every time', async () => {
    const argv = ['forecast', demo, '--iterations', '300', '--seed', '7', '--threads', '1', '--json'];
    const first = await run(argv);
    expect(first.code).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(json.finish.percentiles.map((p: { percent: number }) => p.percent)).toEqual([10, 50, 80, 90, 95]);
    expect((await run(argv)).stdout).toBe(first.stdout);
  });

  it('forecasts from a throughput history', async () => {
    const csv = file('done.csv', 'Resolved\n2026-03-02\n2026-03-03\n2026-03-03\n2026-03-04\n');
    const { code, stdout } = await run(['forecast', '--throughput', csv, '--items', '10', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toBeTypeOf('object');
  });

  it('measures earned value against the baseline', async () => {
    const { code, stdout } = await run(['evm', demo]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Budget at completion\s+BAC/);
    expect(stdout).toMatch(/SPI\(t\)/);
  });

  it('asks for a file, naming the usage', async () => {
    const { code, stderr } = await run(['evm']);
    expect(code).toBe(2);
    expect(stderr).toContain('evm needs a file: tandem evm FILE');
  });
});

describe('tandem: errors are one clear message on stderr, exit code 2', () => {
  it.each([
    [
      'a missing file',
      ['schedule', 'nope.yaml'],
      /^tandem: file not found: nope\.yaml \(looked for .*nope\.yaml\)\.\n$/,
    ],
    [
      'an unknown extension',
      ['schedule', 'plan.txt'],
      /^tandem: cannot tell what kind of file plan\.txt is: expected \.yaml/,
    ],
    ['a folder', ['schedule', '.'], /^tandem: cannot tell what kind of file/],
    ['no file', ['schedule'], /^tandem: schedule needs a file/],
    ['two files', ['schedule', 'a.yaml', 'b.yaml'], /^tandem: schedule takes one file/],
    ['an unknown command', ['schedul'], /^tandem: unknown command "schedul"\. Did you mean "schedule"\?/],
    [
      'an unknown option',
      ['schedule', 'tiny.yaml', '--jsn'],
      /^tandem: Unknown option '--jsn'\. Run "tandem --help"/,
    ],
    [
      'a bad status date',
      ['schedule', 'tiny.yaml', '--status-date', 'soon'],
      /^tandem: invalid --status-date "soon"/,
    ],
  ])('%s', async (_, argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    noStackTrace(stderr);
  });

  it('an invalid plan file, listing every problem by path', async () => {
    const bad = file(
      'bad.yaml',
      'project: { name: B, start: 2026-03-02 }\ntasks:\n  - { id: a, duration: 5x }\n  - { id: b, duration: 1d, after: [zz] }\n',
    );
    const { code, stderr } = await run(['schedule', bad]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        'tandem: cannot read bad.yaml as a Tandem plan file:',
        '  2 problems in the plan file:',
        '  tasks[0].duration (line 3): expected a duration such as 5d, 3h, 2w, 1mo, 30m, 4ed (elapsed), 3d? (estimated) or 0; found "5x"',
        '  tasks[1].after[0] (line 4): unknown task "zz"; found "zz"',
        '',
      ].join('\n'),
    );
  });

  it('a malformed PSPLIB file, naming the line', async () => {
    const { code, stderr } = await run([
      'schedule',
      file('bad.sm', SM.replace('  2      1     3       2', '  2      1     3x      2')),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tandem: cannot read bad\.sm as a PSPLIB file: line 16: expected job 2 of 4/);
  });

  it('a dependency cycle, naming its tasks', async () => {
    const cyclic = file(
      'cycle.yaml',
      'project: { name: C, start: 2026-03-02 }\ntasks:\n  - { id: a, name: Alpha, duration: 1d, after: [c] }\n  - { id: b, name: Beta, duration: 1d, after: [a] }\n  - { id: c, name: Gamma, duration: 1d, after: [b] }\n',
    );
    const { code, stderr } = await run(['schedule', cyclic]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tandem: cannot schedule cycle\.yaml: its links form a cycle/);
    for (const name of ['Alpha (a)', 'Beta (b)', 'Gamma (c)']) expect(stderr).toContain(name);
    noStackTrace(stderr);
  });

  it('an internal error is exit code 1, with the stack to report', () => {
    const { message, exitCode } = reportError(new TypeError('boom'), 'x.yaml');
    expect(exitCode).toBe(1);
    expect(message).toMatch(/^tandem: internal error while working on x\.yaml — this is a bug in Tandem/);
    expect(message).toContain('TypeError: boom');
  });
});
