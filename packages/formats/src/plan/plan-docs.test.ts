// docs/plan-file.md must not rot: its complete example reads and schedules, its fragments are YAML.
import { readFileSync } from 'node:fs';
import { scheduleProject } from '@tandem/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from './read-plan-file.ts';
import { writePlanFile } from './write-plan-file.ts';

const DOC = readFileSync(new URL('../../../../docs/plan-file.md', import.meta.url), 'utf8');
const blocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const complete = blocks.filter((b) => /^project:/m.test(b));
const fragments = blocks.filter((b) => !/^project:/m.test(b));

describe('docs/plan-file.md', () => {
  it('has a complete example', () => {
    expect(complete).toHaveLength(1);
  });

  it.each(complete.map((b, i) => [i, b]))('example %i reads, schedules and round-trips', (_, text) => {
    const project = readPlanFile(text, 'yaml');
    expect(project.tasks.length).toBeGreaterThan(5);
    expect(scheduleProject(project).tasks).toHaveLength(project.tasks.length);
    expect(readPlanFile(writePlanFile(project, 'yaml'), 'yaml')).toEqual(project);
  });

  it.each(fragments.map((b, i) => [i, b]))('fragment %i is YAML', (_, text) => {
    // Alternatives (`after: …` three times) are separate documents: one per unindented line and its block.
    for (const chunk of text.split(/\n(?=\S)/)) expect(() => parse(chunk)).not.toThrow();
  });
});
