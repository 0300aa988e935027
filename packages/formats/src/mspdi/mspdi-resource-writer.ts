/**
 * Writes `<Resources>` and `<Assignments>`. A cost resource is written as Project 2007 does (material,
 * `IsCostResource` 1), which later versions read too; rates are per hour and `CostPerUse` in hundredths.
 * With a schedule, an assignment's Start and Finish are its task's.
 */
import { formatLocal } from '@tandem/core';
import type { Assignment, Resource } from '@tandem/core';
import { formatXsdDuration } from './mspdi-durations.ts';
import { ASSIGNMENT_ORDER, RESOURCE_ORDER } from './mspdi-schema-order.ts';
import type { ScheduleLike } from './mspdi-types.ts';
import { list, sequence } from './mspdi-xml-writer.ts';
import type { XmlElement } from './mspdi-xml-writer.ts';

const RATE_PER_HOUR = 2;

export function writeResources(
  resources: readonly Resource[],
  resourceUids: ReadonlyMap<string, number>,
  calendarUids: ReadonlyMap<string, number>,
): XmlElement {
  return list(
    'Resources',
    resources.map((resource, index) =>
      sequence('Resource', RESOURCE_ORDER, {
        UID: resourceUids.get(resource.id),
        ID: index + 1,
        Name: resource.name,
        Type: resource.type === 'work' ? 1 : 0,
        IsNull: false,
        Initials: resource.initials,
        Group: resource.group,
        EmailAddress: resource.email,
        MaxUnits: resource.maxUnits,
        StandardRate: resource.standardRate,
        StandardRateFormat: resource.standardRate === undefined ? undefined : RATE_PER_HOUR,
        OvertimeRate: resource.overtimeRate,
        OvertimeRateFormat: resource.overtimeRate === undefined ? undefined : RATE_PER_HOUR,
        CostPerUse:
          resource.costPerUse === undefined ? undefined : Math.round(resource.costPerUse * 100 * 1e6) / 1e6,
        CalendarUID: resource.calendarId === undefined ? undefined : calendarUids.get(resource.calendarId),
        IsCostResource: resource.type === 'cost',
      }),
    ),
  );
}

export interface AssignmentWriteContext {
  taskUids: ReadonlyMap<string, number>;
  resourceUids: ReadonlyMap<string, number>;
  /** UID for each assignment, in order. */
  assignmentUids: readonly number[];
  schedule?: ScheduleLike;
}

export function writeAssignments(
  assignments: readonly Assignment[],
  context: AssignmentWriteContext,
): XmlElement {
  const scheduled = new Map((context.schedule?.tasks ?? []).map((s) => [s.id, s]));
  const written = assignments.flatMap((assignment, index) => {
    const taskUid = context.taskUids.get(assignment.taskId);
    const resourceUid = context.resourceUids.get(assignment.resourceId);
    if (taskUid === undefined || resourceUid === undefined) return [];
    const s = scheduled.get(assignment.taskId);
    const work = (minutes: number | undefined) =>
      minutes === undefined ? undefined : formatXsdDuration(minutes);
    return [
      sequence('Assignment', ASSIGNMENT_ORDER, {
        UID: context.assignmentUids[index],
        TaskUID: taskUid,
        ResourceUID: resourceUid,
        ActualWork: work(assignment.actualWorkMinutes),
        Finish: s ? formatLocal(s.finish) : undefined,
        Start: s ? formatLocal(s.start) : undefined,
        Units: assignment.units,
        Work: work(assignment.workMinutes),
      }),
    ];
  });
  return list('Assignments', written);
}
