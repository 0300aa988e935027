/**
 * Writes a `Project` as a Tandem plan file (YAML or JSON) that `readPlanFile` reads back to an equal
 * `Project`. YAML puts short lists and small mappings on one line (`after: [design, build]`).
 */
import type { Project } from '@tandem/core';
import { Document, YAMLMap, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { PlanFormat } from './plan-source.ts';
import { projectToPlan } from './project-to-plan.ts';

/** Keys whose value reads best on one line. */
const ONE_LINE = new Set([
  'after',
  'resources',
  'constraint',
  'progress',
  'manual',
  'units',
  'working',
  'recurrence',
  'days',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
]);

/**
 * @example
 * writeFileSync('plan.yaml', writePlanFile(project, 'yaml'));
 */
export function writePlanFile(project: Project, format: PlanFormat): string {
  const plan = projectToPlan(project);
  if (format === 'json') return `${JSON.stringify(plan, null, 2)}\n`;
  const doc = new Document(plan);
  visit(doc, {
    Pair(_, pair, path) {
      // path: [document, top-level map, …]; top-level `resources` are definitions, one per line.
      if (path.length <= 2 || !isScalar(pair.key) || !ONE_LINE.has(String(pair.key.value))) return;
      const value = pair.value;
      if (isMap(value)) value.flow = true;
      if (isSeq(value)) {
        value.flow = true;
        for (const item of value.items) if (item instanceof YAMLMap) item.flow = true;
      }
    },
    Seq(_, seq, path) {
      // Holidays given as {date, name} read best one per line, each on one line.
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'holidays')
        for (const item of seq.items) if (item instanceof YAMLMap) item.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
