/**
 * Cross-checks the benchmark's .tjp translation: on a network that TaskJuggler expresses exactly
 * (finish-to-start and start-to-start links, no or positive working lags), tj3 and Tandem must agree
 * on every leaf task's start and finish, compared as working-time positions on the project calendar
 * (tj3 starts a successor at 17:00 where Tandem says 08:00 the next working day: the same instant in
 * working time).
 *
 * Usage: npx tsx bench/check-tj3.ts [--tasks 500] [--seed 1]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileCalendars } from '../packages/core/src/calendar/working-time.ts';
import { scheduleProject } from '../packages/core/src/schedule/schedule-project.ts';
import { randomNetwork } from '../packages/core/src/testing/random-network.ts';
import { toTjp } from '../packages/core/src/testing/to-tjp.ts';
import { formatLocal, parseLocal } from '../packages/core/src/time/local-time.ts';
import { tj3Version } from './tj3.ts';

const { values } = parseArgs({
  options: { tasks: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' } },
});
if (!tj3Version()) {
  console.log('tj3 is not installed (apt-get install tj3): nothing to check');
  process.exit(0);
}
const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(outDir, { recursive: true });

const project = randomNetwork({
  tasks: Number(values.tasks),
  seed: Number(values.seed),
  linkTypes: { FS: 85, SS: 15 },
  lags: { none: 75, positive: 25 },
});
const file = join(outDir, 'check.tjp');
const report = 'taskreport check "check" { formats csv columns id, start, end timeformat "%Y-%m-%d %H:%M" }';
writeFileSync(file, `${toTjp(project)}\n${report}\n`);
const run = spawnSync('tj3', ['--silent', '--no-color', '-o', outDir, file], { encoding: 'utf8' });
if (run.status !== 0) throw new Error(`tj3 failed:\n${run.stderr}`);

// tj3 ids are t<index> paths; the leaf segment is the index into project.tasks.
const tj3 = new Map<number, { start: number; end: number }>();
for (const line of readFileSync(join(outDir, 'check.csv'), 'utf8').trim().split('\n').slice(1)) {
  const [id, start, end] = line.split(';').map((cell) => cell.replace(/"/g, ''));
  const index = Number(id!.split('.').pop()!.slice(1));
  tj3.set(index, { start: parseLocal(start!.replace(' ', 'T')), end: parseLocal(end!.replace(' ', 'T')) });
}

const calendar = compileCalendars(project.calendars).get(project.calendarId)!;
const schedule = scheduleProject(project);
const parents = new Set(project.tasks.map((t) => t.parentId));
let compared = 0;
const differences: string[] = [];
for (const t of schedule.tasks) {
  if (parents.has(t.id)) continue;
  const theirs = tj3.get(t.index);
  if (!theirs) throw new Error(`tj3 did not report task ${t.id}`);
  compared++;
  const same = (a: number, b: number) => calendar.toWork(a) === calendar.toWork(b);
  if (!same(t.earlyStart, theirs.start) || !same(t.earlyFinish, theirs.end)) {
    differences.push(
      `${t.id}: Tandem ${formatLocal(t.earlyStart)} – ${formatLocal(t.earlyFinish)}, ` +
        `tj3 ${formatLocal(theirs.start)} – ${formatLocal(theirs.end)}`,
    );
  }
}
console.log(`${compared} tasks compared, ${differences.length} differ (tj3 ${tj3Version()}, ${file})`);
for (const d of differences.slice(0, 20)) console.log(`  ${d}`);
process.exit(differences.length === 0 ? 0 : 1);
