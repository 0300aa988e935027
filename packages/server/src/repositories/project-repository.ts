/** Projects: the plan settings of the core's `Project` plus delivery fields (objectives, phase, health). */
import { DEFAULT_UNITS } from '@tandem/core';
import type { Selectable } from 'kysely';
import type { ProjectTable } from '../db/schema.ts';
import {
  type EntitySpec,
  type ListOptions,
  type NewRow,
  type RowPatch,
  createRow,
  deleteRow,
  findRow,
  getRow,
  listRows,
  updateRow,
} from './entity-repository.ts';
import type { Page } from './pagination.ts';
import type { Db, WriteContext } from './transaction.ts';

export type Project = Selectable<ProjectTable>;
export type NewProject = NewRow<
  ProjectTable,
  'objectives' | 'methodology' | 'phase' | 'units' | 'correlations'
>;
export type ProjectPatch = RowPatch<ProjectTable>;

export const PROJECTS: EntitySpec<'projects'> = {
  table: 'projects',
  entityType: 'project',
  partOfPlan: true,
  filters: ['phase', 'methodology', 'health'],
  sorts: ['name', 'created_at', 'updated_at'],
  defaultSort: 'name',
  defaults: () => ({
    objectives: [],
    methodology: 'hybrid',
    phase: 'initiation',
    units: { ...DEFAULT_UNITS },
    correlations: [],
  }),
};

export function createProject(db: Db, ctx: WriteContext, input: NewProject): Promise<Project> {
  return createRow(db, ctx, PROJECTS, input);
}

export function getProject(db: Db, workspaceId: string, id: string): Promise<Project> {
  return getRow(db, workspaceId, PROJECTS, id);
}

export function findProject(db: Db, workspaceId: string, id: string): Promise<Project | undefined> {
  return findRow(db, workspaceId, PROJECTS, id);
}

export function listProjects(
  db: Db,
  workspaceId: string,
  options: ListOptions<'projects'> = {},
): Promise<Page<Project>> {
  return listRows(db, workspaceId, PROJECTS, options);
}

export function updateProject(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ProjectPatch,
): Promise<Project> {
  return updateRow(db, ctx, PROJECTS, id, expectedVersion, patch);
}

export function deleteProject(db: Db, ctx: WriteContext, id: string, expectedVersion: number): Promise<void> {
  return deleteRow(db, ctx, PROJECTS, id, expectedVersion);
}
