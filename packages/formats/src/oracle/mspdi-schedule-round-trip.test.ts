/**
 * MSPDI round trip of *scheduled* plans: read a reference file, schedule it, write it with the schedule,
 * read it back. The dates in the written file are ours, and rescheduling the re-read plan gives the same
 * dates again (the plan itself round-trips; see mspdi/mspdi-round-trip.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { formatLocal, scheduleProject } from '@tandem/core';
import type { Schedule } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { readMspdi } from '../mspdi/mspdi-reader.ts';
import { writeMspdi } from '../mspdi/mspdi-writer.ts';
import { dataDir, requireData } from '../testing/shared-data.ts';

const DIR = dataDir('mspdi');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.xml')) : [];

const dates = (s: Schedule) =>
  s.tasks.map((t) => ({
    id: t.id,
    start: formatLocal(t.start),
    finish: formatLocal(t.finish),
    earlyStart: formatLocal(t.earlyStart),
    earlyFinish: formatLocal(t.earlyFinish),
    lateStart: formatLocal(t.lateStart),
    lateFinish: formatLocal(t.lateFinish),
    totalSlackMinutes: Math.round(t.totalFloat),
    freeSlackMinutes: Math.round(t.freeFloat),
    critical: t.critical,
  }));

describe('MSPDI: read → schedule → write → read keeps tasks, links, calendars and scheduled dates', () => {
  if (!requireData(DIR)) return;
  it.each([...files, '../taskjuggler/tutorial-mspdi.xml'])('%s', (file) => {
    const first = readMspdi(readFileSync(`${DIR}/${file}`, 'utf8'));
    const schedule = scheduleProject(first.project);
    const second = readMspdi(writeMspdi(first.project, schedule));

    expect(second.project.tasks).toEqual(first.project.tasks);
    expect(second.project.links).toEqual(first.project.links);
    expect(second.project.calendars).toEqual(first.project.calendars);
    const written = dates(schedule).map((d) => {
      const c = second.computed.get(d.id);
      return {
        id: d.id,
        start: c?.start,
        finish: c?.finish,
        earlyStart: c?.earlyStart,
        earlyFinish: c?.earlyFinish,
        lateStart: c?.lateStart,
        lateFinish: c?.lateFinish,
        totalSlackMinutes: c?.totalSlackMinutes,
        freeSlackMinutes: c?.freeSlackMinutes,
        critical: c?.critical,
      };
    });
    expect(written).toEqual(dates(schedule));
    expect(dates(scheduleProject(second.project))).toEqual(dates(schedule));
  });
});
