// The Gantt page's writes: drag, resize, link and inline edits become work item PATCHes and dependency POSTs;
// after each, the schedule (and the lists) refetch so every dependent bar moves. Errors come back to the page
// (a cycle names its tasks) instead of a generic toast.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/errors.ts';
import { formatDate } from '../../app/format.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { workItems } from '../../api/collections.ts';
import type { ScheduledTask, WorkItem } from '../../api/types.ts';
import type { GanttLinkType } from '../../gantt/index.ts';
import { dependencies, type Dependency } from './gantt-api.ts';
import { parseLocal, type PlanItem, type PlanUnits } from './gantt-data.ts';
import {
  movePatch,
  onDayKeepingTime,
  parseDay,
  parseDuration,
  resizePatch,
  type WorkItemPatch,
} from './gantt-writes.ts';

export interface GanttWriteContext {
  projectId: string;
  itemByKey: ReadonlyMap<string, PlanItem>;
  scheduledById: ReadonlyMap<string, ScheduledTask>;
  deps: readonly Dependency[];
  units: PlanUnits;
  onError: (message: string) => void;
}

export function useGanttWrites(ctx: GanttWriteContext) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: queryKeys.schedule(ctx.projectId) });
    void client.invalidateQueries({ queryKey: queryKeys.collection(ctx.projectId, 'work-items') });
    void client.invalidateQueries({ queryKey: queryKeys.collection(ctx.projectId, 'dependencies') });
    void client.invalidateQueries({ queryKey: queryKeys.summary(ctx.projectId) });
  };
  const patch = useMutation({
    meta: { silent: true },
    mutationFn: ({ row, body }: { row: WorkItem; body: WorkItemPatch }) =>
      workItems.patch(row, body as Partial<WorkItem>),
    onSettled: refresh,
    onError: (e) => ctx.onError(describeError(e)),
  });
  const link = useMutation({
    meta: { silent: true },
    mutationFn: (body: { predecessorId: string; successorId: string; type: GanttLinkType }) =>
      dependencies.create(ctx.projectId, body),
    onSettled: refresh,
    onError: (e) => ctx.onError(describeError(e)),
  });

  const write = (taskId: string, body: WorkItemPatch) => {
    const row = ctx.itemByKey.get(taskId);
    if (row === undefined) return ctx.onError(`Task ${taskId} is not a work item of this project.`);
    patch.mutate({ row, body });
  };
  const newDuration = (taskId: string, newFinish: number): WorkItemPatch | null => {
    const st = ctx.scheduledById.get(taskId);
    const row = ctx.itemByKey.get(taskId);
    if (st === undefined || row === undefined) return null;
    return resizePatch(
      parseLocal(st.finish),
      newFinish,
      row.durationMinutes,
      ctx.units.minutesPerDay,
      row.elapsed === true,
    );
  };

  /** A started task's start is its actual start: moving it would not move it (as in MS Project's schedule). */
  const refuseStarted = (taskId: string): boolean => {
    const row = ctx.itemByKey.get(taskId);
    if (!row?.actualStart) return false;
    ctx.onError(
      `“${row.name}” has started (actual start ${formatDate(row.actualStart)}), so its start stays there. Change its actual start or its remaining duration instead.`,
    );
    return true;
  };

  return {
    pending: patch.isPending || link.isPending,
    onMove: (taskId: string, newStart: number) => {
      if (!refuseStarted(taskId)) write(taskId, movePatch(newStart));
    },
    onResize: (taskId: string, newFinish: number) => {
      const body = newDuration(taskId, newFinish);
      if (body !== null) write(taskId, body);
    },
    onLink: (fromId: string, toId: string, type: GanttLinkType) => {
      const from = ctx.itemByKey.get(fromId);
      const to = ctx.itemByKey.get(toId);
      if (from === undefined || to === undefined) return;
      const existing = ctx.deps.find((d) => d.predecessorId === from.id && d.successorId === to.id);
      if (existing !== undefined) {
        return ctx.onError(`“${from.name}” is already linked to “${to.name}” (${existing.type}).`);
      }
      link.mutate({ predecessorId: from.id, successorId: to.id, type });
    },
    onEdit: (taskId: string, field: 'name' | 'duration' | 'start' | 'finish', value: string) => {
      const st = ctx.scheduledById.get(taskId);
      if (field === 'name') return write(taskId, { name: value });
      if (field === 'duration') {
        const parsed = parseDuration(value, ctx.units);
        return parsed.ok ? write(taskId, parsed.value) : ctx.onError(parsed.message);
      }
      const day = parseDay(value);
      if (!day.ok) return ctx.onError(day.message);
      if (st === undefined) return;
      if (field === 'start')
        return write(taskId, movePatch(onDayKeepingTime(day.value, parseLocal(st.start))));
      const body = newDuration(taskId, onDayKeepingTime(day.value, parseLocal(st.finish)));
      if (body !== null) write(taskId, body);
    },
  };
}
