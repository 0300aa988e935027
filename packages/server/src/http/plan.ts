/**
 * The project's plan for scheduling. A project without a calendar of its own is scheduled on the
 * standard calendar (08:00–17:00, Monday to Friday), whether or not it has other calendars (for
 * resources or tasks). `loadPlan` names that calendar `standard` without defining it once any
 * calendar exists, so it is added here. (Asked of the storage layer; this adapter goes when it does.)
 */
import { type Project, standardCalendar } from '@tandem/core';
import { loadPlan } from '../repositories/plan-repository.ts';
import type { Db } from '../repositories/transaction.ts';

export async function loadSchedulablePlan(db: Db, workspaceId: string, projectId: string): Promise<Project> {
  return schedulable(await loadPlan(db, workspaceId, projectId));
}

/** The plan with the standard calendar it names but does not define. */
export function schedulable(plan: Project): Project {
  if (plan.calendarId === 'standard' && !plan.calendars.some((c) => c.id === 'standard'))
    return { ...plan, calendars: [...plan.calendars, standardCalendar()] };
  return plan;
}
