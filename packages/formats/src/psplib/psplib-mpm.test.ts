// Acceptance: for every PSPLIB instance (j30, j60, j120: 1,560 files), the forward pass with resources
// ignored must finish the sink at the file's MPM-Time. Needs ../shared/data (see shared/data/README.md):
// skipped with a message on a laptop without it, a failure in CI.
import { readdirSync, readFileSync } from 'node:fs';
import { parseLocal, scheduleProject } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { dataDir, requireData } from '../testing/shared-data.ts';
import { PSPLIB_PERIOD_MINUTES } from './psplib-project.ts';
import { readPsplib } from './read-psplib.ts';

const DATA = dataDir('psplib/');

describe('PSPLIB MPM-Time (critical path, resources ignored)', () => {
  if (!requireData(DATA)) return;

  it.each(['j30', 'j60', 'j120'])('%s: the sink finishes at MPM-Time in every instance', (set) => {
    const dir = `${DATA}${set}/`;
    const files = readdirSync(dir).filter((f) => f.endsWith('.sm'));
    expect(files.length).toBeGreaterThanOrEqual(480);
    const mismatches: string[] = [];
    for (const file of files) {
      const { project, instance } = readPsplib(readFileSync(dir + file, 'utf8'), file.replace(/\.sm$/, ''));
      const schedule = scheduleProject(project);
      const sink = schedule.tasks[schedule.tasks.length - 1];
      const makespan = ((sink?.finish ?? NaN) - parseLocal(project.start)) / PSPLIB_PERIOD_MINUTES;
      if (makespan !== instance.mpmTime)
        mismatches.push(`${file}: makespan ${makespan}, MPM-Time ${instance.mpmTime}`);
    }
    expect(mismatches).toEqual([]);
  });
});
