/**
 * `exportProject`: a project's plan as a file — MS Project XML (with the schedule's dates), the task
 * CSV (with scheduled Start/Finish and the team's Kind, Status, Sprint, Labels), a Tandem plan file
 * (JSON or YAML) or the iCalendar of its milestones and deadlines. Used by
 * `GET /api/projects/{id}/export`, the calendar feeds and `tandem export`.
 */
import { type Project, type Schedule, scheduleProject, standardCalendar } from '@tandem/core';
import {
  type ImportedItem,
  type ItemType,
  writeCalendarFeed,
  writeMspdi,
  writePlanFile,
  writeTaskCsv,
} from '@tandem/formats';
import { loadPlanRows, planFromRows } from '../repositories/plan-repository.ts';
import type { Db } from '../repositories/transaction.ts';

export const EXPORT_FORMATS = ['mspdi', 'csv', 'ics', 'json', 'yaml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  mspdi: { contentType: 'application/xml; charset=utf-8', extension: 'xml' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  ics: { contentType: 'text/calendar; charset=utf-8', extension: 'ics' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  yaml: { contentType: 'application/yaml; charset=utf-8', extension: 'yaml' },
};

export interface ExportedFile {
  body: string;
  contentType: string;
  fileName: string;
}

export interface ExportOptions {
  /** DTSTAMP of calendar events. */
  now?: Date;
  /** The calendar's name (X-WR-CALNAME) for `ics`; default the project's name. */
  calendarName?: string;
}

/** `Northbridge Bank — online banking` → `northbridge-bank-online-banking`. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug === '' ? 'project' : slug;
}

function schedulable(plan: Project): Project {
  if (plan.calendarId === 'standard' && !plan.calendars.some((c) => c.id === 'standard'))
    return { ...plan, calendars: [...plan.calendars, standardCalendar()] };
  return plan;
}

export async function exportProject(
  db: Db,
  workspaceId: string,
  projectId: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  const rows = await loadPlanRows(db, workspaceId, projectId);
  const plan = planFromRows(rows);
  const { contentType, extension } = TYPES[format];
  const fileName = `${fileSlug(rows.project.name)}.${extension}`;
  const schedule = (): Schedule => scheduleProject(schedulable(plan));
  switch (format) {
    case 'mspdi':
      return { body: writeMspdi(schedulable(plan), schedule()), contentType, fileName };
    case 'json':
    case 'yaml':
      return { body: writePlanFile(plan, format), contentType, fileName };
    case 'ics':
      return {
        body: writeCalendarFeed(plan, {
          projectId,
          schedule: schedule(),
          now: options.now ?? new Date(),
          ...(options.calendarName !== undefined ? { calendarName: options.calendarName } : {}),
        }),
        contentType,
        fileName,
      };
    case 'csv': {
      const sprints = await db
        .selectFrom('sprints')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('project_id', '=', projectId)
        .execute();
      const sprintName = new Map(sprints.map((s) => [s.id, s.name]));
      const items: Record<string, ImportedItem> = {};
      for (const r of rows.workItems) {
        const sprint = r.sprint_id !== null ? sprintName.get(r.sprint_id) : undefined;
        items[r.key] = {
          type: r.type as ItemType,
          status: r.status,
          ...(sprint !== undefined ? { sprint } : {}),
          labels: r.labels,
        };
      }
      return { body: writeTaskCsv(plan, { schedule: schedule(), items }), contentType, fileName };
    }
  }
}
