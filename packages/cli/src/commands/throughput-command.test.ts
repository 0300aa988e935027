import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FormatError } from '@tandem/formats';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type ThroughputForecastOptions, throughputForecastCommand } from './throughput-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-forecast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One issue resolved each day from Monday 2 to Friday 6 March 2026, one still open.
writeFileSync(
  join(dir, 'jira.csv'),
  [
    'Issue key,Summary,Resolved',
    'PAY-1,"Login, SSO",02/Mar/26 10:00 AM',
    'PAY-2,Export,03/Mar/26 4:30 PM',
    'PAY-3,Audit,04/Mar/26 9:15 AM',
    'PAY-4,Alerts,05/Mar/26 11:00 AM',
    'PAY-5,Search,06/Mar/26 2:00 PM',
    'PAY-6,Reports,',
  ].join('\r\n'),
);
writeFileSync(join(dir, 'weekly.csv'), 'date,count\n2026-03-02,4\n2026-03-09,4\n');
writeFileSync(join(dir, 'open.csv'), 'Issue key,Resolved\nPAY-1,\n');
writeFileSync(join(dir, 'broken.csv'), 'date,count\n2026-03-02,lots\n');

async function run(file: string, options: Partial<ThroughputForecastOptions>) {
  let stdout = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } };
  await throughputForecastCommand(file, { json: false, ...options }, io, dir);
  return stdout;
}

describe('tandem forecast --throughput', () => {
  it('answers "when will N items be done?" with percentiles and a histogram', async () => {
    const out = await run('jira.csv', { items: '3', iterations: '1000' });
    expect(out).toContain(
      'Throughput: 5 items in 5 days (2026-03-02 … 2026-03-06), 1.00 a day on average, from the "Resolved" column of jira.csv (1 row without a date skipped)',
    );
    expect(out).toContain('When will 3 items be done? (1,000 simulations from 2026-03-07, seed 1)');
    expect(out).toContain('   50%  by 2026-03-09  (3 days)');
    expect(out).toContain('   95%  by 2026-03-09  (3 days)');
    expect(out).toContain(`        Days  share   done`);
    expect(out).toContain(`           3   100%   100%  ${'█'.repeat(40)}`);
  });

  it('answers "how many items by DATE?" per week', async () => {
    const out = await run('weekly.csv', { by: '2026-03-29', unit: 'week', iterations: 100 });
    expect(out).toContain('Throughput: 8 items in 2 weeks (2026-03-02 … 2026-03-15), 4.00 a week on average');
    expect(out).toContain('How many items by 2026-03-29? (2 weeks; 100 simulations from 2026-03-16, seed 1)');
    expect(out).toContain('   85%  at least 8 items');
  });

  it('prints the source, history and forecast as JSON', async () => {
    const result = JSON.parse(
      await run('jira.csv', { by: '2026-03-10', json: true, seed: 9, iterations: 50 }),
    );
    expect(result.source).toEqual({
      file: 'jira.csv',
      layout: 'dates',
      dateColumn: 'Resolved',
      rows: 6,
      skipped: 1,
    });
    expect(result.history.counts).toEqual([1, 1, 1, 1, 1]);
    expect(result.forecast).toMatchObject({ question: 'howMany', periods: 4, seed: 9, iterations: 50 });
    expect(result.forecast.percentiles[0]).toEqual({ likelihood: 0.5, items: 4 });
  });

  it.each([
    ['jira.csv', {}, /either --items N .* or --by DATE/],
    ['jira.csv', { items: 3, by: '2026-04-01' }, /either --items N/],
    ['jira.csv', { items: 'ten' }, /invalid --items "ten": expected a whole number of at least 1/],
    ['jira.csv', { by: '2026-02-30' }, /invalid --by "2026-02-30": expected a date YYYY-MM-DD/],
    ['jira.csv', { items: 3, unit: 'month' }, /invalid --unit "month": expected day or week/],
    ['jira.csv', { by: '2026-03-01' }, /cannot forecast from jira.csv: 2026-03-01 leaves no whole day/],
    ['missing.csv', { items: 3 }, /file not found: missing.csv/],
    ['open.csv', { items: 3 }, /no completed items in open.csv \(column "Resolved"\)/],
  ] as const)('explains what is wrong: %s %o', async (file, options, message) => {
    await expect(run(file, options)).rejects.toThrow(UserError);
    await expect(run(file, options)).rejects.toThrow(message);
  });

  it('lets a bad CSV cell through as a FormatError naming its line and column', async () => {
    await expect(run('broken.csv', { items: 3 })).rejects.toThrow(FormatError);
    await expect(run('broken.csv', { items: 3 })).rejects.toThrow(/line 2, column 2 \(count\)/);
  });
});
