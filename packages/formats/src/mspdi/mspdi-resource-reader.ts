/**
 * Reads `<Resources>` and `<Assignments>`. Resource `Type` 0 = material, 1 = work, 2 = cost (Project
 * 2007 writes a cost resource as material with `IsCostResource` 1). Rates are per hour; `CostPerUse`
 * is in hundredths, as every MSPDI cost. MS Project's blank resource UID 0 is skipped, and so are
 * assignments to resource UID -65535 ("unassigned", which MS Project writes for tasks with no resource).
 */
import type { Assignment, Resource } from '@tandem/core';
import type { ElementReader } from './mspdi-element-reader.ts';
import { checkTimephasedData } from './mspdi-timephased.ts';
import { definedOnly } from './defined-only.ts';

/** The `ResourceUID` MS Project writes for an assignment without a resource. */
export const UNASSIGNED_RESOURCE_UID = -65535;

export interface ReadResources {
  resources: Resource[];
  /** UIDs of resources not in the model (blank placeholders, blank rows). */
  skipped: Set<string>;
}

export function readResources(project: ElementReader, calendarIds: ReadonlySet<string>): ReadResources {
  const result: ReadResources = { resources: [], skipped: new Set() };
  const seen = new Set<string>();
  for (const r of project.child('Resources')?.children('Resource') ?? []) {
    checkTimephasedData(r);
    const uid = r.integer('UID');
    if (uid === undefined) {
      if (!r.has('UID')) r.bad('UID', 'a resource needs a UID');
      continue;
    }
    const id = String(uid);
    if (seen.has(id)) r.bad('UID', 'duplicate resource UID', id);
    seen.add(id);
    const name = r.string('Name');
    if (r.flag('IsNull') || (uid === 0 && name === undefined)) {
      result.skipped.add(id);
      continue;
    }
    result.resources.push(readResource(r, id, name ?? '', calendarIds));
  }
  return result;
}

function readResource(
  r: ElementReader,
  id: string,
  name: string,
  calendarIds: ReadonlySet<string>,
): Resource {
  const typeCode = r.integer('Type', { min: 0, max: 2 }) ?? 1;
  const type =
    typeCode === 2 || (typeCode === 0 && r.flag('IsCostResource'))
      ? 'cost'
      : typeCode === 0
        ? 'material'
        : 'work';
  const calendarUid = r.integer('CalendarUID');
  const calendarId = calendarUid === undefined || calendarUid < 0 ? undefined : String(calendarUid);
  if (calendarId !== undefined && !calendarIds.has(calendarId)) {
    r.ctx.warn(
      r.at('CalendarUID'),
      'no calendar has this UID: the resource uses the project calendar',
      calendarId,
    );
  }
  const costPerUse = r.number('CostPerUse');
  const optional = {
    maxUnits: r.number('MaxUnits', { min: 0 }),
    calendarId: calendarId !== undefined && calendarIds.has(calendarId) ? calendarId : undefined,
    standardRate: r.number('StandardRate'),
    overtimeRate: r.number('OvertimeRate'),
    costPerUse: costPerUse === undefined ? undefined : costPerUse / 100,
    email: r.value('EmailAddress'),
    group: r.string('Group'),
    initials: r.string('Initials'),
  };
  return { id, name, type, ...definedOnly(optional) };
}

export interface AssignmentContext {
  taskIds: ReadonlySet<string>;
  resourceIds: ReadonlySet<string>;
  skippedTasks: ReadonlySet<string>;
  skippedResources: ReadonlySet<string>;
}

export function readAssignments(project: ElementReader, context: AssignmentContext): Assignment[] {
  const assignments: Assignment[] = [];
  for (const r of project.child('Assignments')?.children('Assignment') ?? []) {
    checkTimephasedData(r);
    const assignment = readAssignment(r, context);
    if (assignment) assignments.push(assignment);
  }
  return assignments;
}

function readAssignment(r: ElementReader, context: AssignmentContext): Assignment | undefined {
  const uid = r.integer('UID');
  const taskUid = r.integer('TaskUID');
  const resourceUid = r.integer('ResourceUID');
  const units = r.number('Units', { min: 0 });
  const workMinutes = r.duration('Work');
  const actualWorkMinutes = r.duration('ActualWork');
  if (taskUid === undefined || resourceUid === undefined) {
    if (!r.has('TaskUID')) r.bad('TaskUID', 'an assignment needs a TaskUID');
    if (!r.has('ResourceUID')) r.bad('ResourceUID', 'an assignment needs a ResourceUID');
    return undefined;
  }
  if (resourceUid === UNASSIGNED_RESOURCE_UID) return undefined;
  const taskId = String(taskUid);
  const resourceId = String(resourceUid);
  if (!context.taskIds.has(taskId)) {
    const why = context.skippedTasks.has(taskId)
      ? 'the project summary or a blank row'
      : 'no task has this UID';
    r.ctx.warn(r.at('TaskUID'), `${why}: assignment ignored`, taskId);
    return undefined;
  }
  if (!context.resourceIds.has(resourceId)) {
    const why = context.skippedResources.has(resourceId) ? 'a blank resource' : 'no resource has this UID';
    r.ctx.warn(r.at('ResourceUID'), `${why}: assignment ignored`, resourceId);
    return undefined;
  }
  return {
    ...(uid !== undefined ? { id: String(uid) } : {}),
    taskId,
    resourceId,
    units: units ?? 1,
    ...definedOnly({ workMinutes, actualWorkMinutes: actualWorkMinutes ? actualWorkMinutes : undefined }),
  };
}
