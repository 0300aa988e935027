/**
 * `tandem import` and `tandem export` in-process, on a seeded demo database opened from the
 * environment (TANDEM_DATA for SQLite, DATABASE_URL for PostgreSQL): exports in every format, an
 * MS Project round trip into a new project, a Jira export, and a refused file that changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@tandem/server';
import type { Engine } from '../../../server/src/db/open-database.ts';
import { type ScratchDatabase, createScratchDatabase } from '../../../server/src/db/scratch-database.ts';
import { TEST_DATABASE_URL, requireEngines } from '../../../server/src/db/test-engines.ts';
import { loadPlan } from '../../../server/src/repositories/plan-repository.ts';
import { createProject } from '../../../server/src/repositories/project-repository.ts';
import { seedDemoWorkspace } from '../../../server/src/seed/seed-demo-workspace.ts';
import type { CliIo } from '../cli-io.ts';
import { main } from '../main.ts';

const JIRA = new URL('../../../formats/src/jira/testdata/jira-issues-export.csv', import.meta.url);

for (const engine of ['sqlite', 'postgres'] as Engine[]) {
  describe(`tandem import and export on ${engine}`, () => {
    if (!requireEngines([engine])) return;
    let scratch: ScratchDatabase;
    let ids: { workspace: string; banking: string; empty: string; jira: string };
    let bankingName = '';
    const files = mkdtempSync(join(tmpdir(), 'tandem-cli-interop-'));

    const run = async (argv: string[]) => {
      const out = { stdout: '', stderr: '' };
      const io: CliIo = {
        stdout: { write: (t: string) => (out.stdout += t) },
        stderr: { write: (t: string) => (out.stderr += t) },
        env: { ...scratch.env },
        cwd: files,
      };
      return { code: await main(argv, io), ...out };
    };
    const dir = () => files;
    const withDb = async <T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) => {
      const opened = await openDatabase({ ...scratch.options, poolSize: 1 });
      try {
        return await fn(opened.db);
      } finally {
        await opened.close();
      }
    };

    beforeAll(async () => {
      scratch = await createScratchDatabase(engine, TEST_DATABASE_URL);
      ids = await withDb(async (db) => {
        const seeded = (await seedDemoWorkspace(db, { hashPassword: async (p) => `test-hash:${p}` }))!;
        const ctx = { workspaceId: seeded.workspace.id, actorId: seeded.owner.id };
        bankingName = seeded.projects.banking.name;
        const empty = await createProject(db, ctx, {
          name: 'Copy of the bank',
          start: '2026-01-05T09:00:00',
        });
        const jira = await createProject(db, ctx, { name: 'From Jira', start: '2026-03-02T08:00:00' });
        return {
          workspace: seeded.workspace.id,
          banking: seeded.projects.banking.id,
          empty: empty.id,
          jira: jira.id,
        };
      });
    }, 120_000);
    afterAll(async () => {
      rmSync(files, { recursive: true, force: true });
      await scratch?.destroy();
    });

    it('exports a project by name or id in every format', async () => {
      const csv = await run(['export', '--project', bankingName.toUpperCase(), '--format', 'csv']);
      expect(csv.stderr).toBe('');
      expect(csv.code).toBe(0);
      expect(csv.stdout.split('\r\n')[0]).toMatch(/^ID,Outline Level,WBS,Name,Kind,Duration,Start,Finish,/);
      const ics = await run(['export', '--project', ids.banking, '--format', 'ics']);
      const events = new ICAL.Component(ICAL.parse(ics.stdout)).getAllSubcomponents('vevent');
      expect(events.length).toBeGreaterThan(3);
      const xml = await run([
        'export',
        '--project',
        ids.banking,
        '--format',
        'mspdi',
        '--output',
        join(dir(), 'bank.xml'),
      ]);
      expect(xml.stdout).toMatch(/^Exported to .*bank\.xml \([\d,]+ bytes\)\.\n$/);
      expect(readFileSync(join(dir(), 'bank.xml'), 'utf8')).toMatch(/^<\?xml/);
      const refused = await run(['export', '--project', ids.banking, '--format', 'pdf']);
      expect(refused).toMatchObject({ code: 2 });
      expect(refused.stderr).toContain('--format must be one of mspdi, csv, ics, json, yaml');
      const unknown = await run(['export', '--project', 'Nope', '--format', 'csv']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('no project "Nope"');
    });

    it('imports the MS Project export into another project: the same tasks and links', async () => {
      const imported = await run(['import', join(dir(), 'bank.xml'), '--project', ids.empty]);
      expect(imported.stderr).toBe('parsing…\nvalidating…\nsaving…\n');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(
        /^Imported .*bank\.xml \(MS Project XML\) into Copy of the bank:\n {2}work items\s+\d+ created/,
      );
      const [source, copy] = await withDb(async (db) => [
        await loadPlan(db, ids.workspace, ids.banking),
        await loadPlan(db, ids.workspace, ids.empty),
      ]);
      expect(copy.tasks.map((t) => t.name)).toEqual(source.tasks.map((t) => t.name));
      expect(copy.links).toHaveLength(source.links.length);
    });

    it('imports a Jira export with --json, and records the job', async () => {
      const result = await run([
        'import',
        JIRA.pathname,
        '--project',
        'From Jira',
        '--format',
        'csv',
        '--json',
      ]);
      expect(result.code).toBe(0);
      const job = JSON.parse(result.stdout) as {
        status: string;
        format: string;
        result: { sprintsCreated: number };
      };
      expect(job).toMatchObject({ status: 'succeeded', format: 'jira-csv', result: { sprintsCreated: 2 } });
      const rows = await withDb((db) =>
        db
          .selectFrom('import_jobs')
          .select(['status', 'file_name'])
          .where('project_id', '=', ids.jira)
          .execute(),
      );
      expect(rows).toEqual([{ status: 'succeeded', file_name: 'jira-issues-export.csv' }]);
    });

    it('refuses a malformed file, listing every problem with its line, and changes nothing', async () => {
      const before = await withDb((db) => loadPlan(db, ids.workspace, ids.banking));
      writeFileSync(join(dir(), 'bad.csv'), 'ID,Name,Duration,Predecessors\r\n1,A,5x,\r\n2,B,2d,9\r\n');
      const refused = await run(['import', join(dir(), 'bad.csv'), '--project', ids.banking]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        'bad.csv was not imported (task CSV): 2 problems; nothing was changed.',
      );
      expect(refused.stderr).toContain('line 2, column Duration: expected a duration');
      expect(refused.stderr).toContain('line 3, column Predecessors: unknown task ID "9"');
      expect(await withDb((db) => loadPlan(db, ids.workspace, ids.banking))).toEqual(before);
      const noFormat = await run(['import', 'plan.txt', '--project', ids.banking]);
      expect(noFormat.stderr).toContain('cannot tell the format of plan.txt');
    });
  });
}
