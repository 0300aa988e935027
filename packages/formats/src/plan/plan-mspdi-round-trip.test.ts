// Every MS Project file of the reference data, read and written as a plan file, reads back to the
// same Project: the plan format has a place for everything the MSPDI reader keeps.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMspdi } from '../mspdi/index.ts';
import { dataDir, requireData } from '../testing/shared-data.ts';
import { readPlanFile } from './read-plan-file.ts';
import { writePlanFile } from './write-plan-file.ts';

const MSPDI = dataDir('mspdi/');
const TASKJUGGLER = dataDir('taskjuggler/tutorial-mspdi.xml');

describe('MS Project files through plan files', () => {
  if (!requireData(MSPDI) || !requireData(TASKJUGGLER)) return;
  const files = [
    ...readdirSync(MSPDI)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => MSPDI + f),
    TASKJUGGLER,
  ];

  it.each(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s', (_, path) => {
    const { project } = readMspdi(readFileSync(path, 'utf8'));
    for (const format of ['yaml', 'json'] as const)
      expect(readPlanFile(writePlanFile(project, format), format)).toEqual(project);
  });
});
