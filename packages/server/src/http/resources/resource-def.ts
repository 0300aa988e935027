/**
 * How one project-scoped entity is exposed: its fields (camelCase, as the API speaks), the repository
 * functions behind it, the permission each operation needs, and the references it makes to other rows
 * of the same project. `register-resource.ts` turns a definition into list/create/get/update/delete
 * and history routes.
 */
import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Permission } from '../../auth/permissions.ts';
import type { TenantTableName } from '../../db/schema.ts';
import type { Page } from '../../repositories/pagination.ts';
import type { Db, WriteContext } from '../../repositories/transaction.ts';
import type { AppEnv } from '../app-env.ts';

export type Row = Record<string, unknown> & { id: string; version: number };

/** The repository functions of one entity, with their row types erased. */
export interface Repository {
  find(db: Db, workspaceId: string, id: string): Promise<Row | undefined>;
  list(db: Db, workspaceId: string, projectId: string, options: object): Promise<Page<Row>>;
  create(db: Db, ctx: WriteContext, input: Record<string, unknown>): Promise<Row>;
  /** `read`: the row as the route read it (for the functions that take it, see `updateRow`). */
  update(
    db: Db,
    ctx: WriteContext,
    id: string,
    version: number,
    patch: Record<string, unknown>,
    read?: Row,
  ): Promise<Row>;
  delete(db: Db, ctx: WriteContext, id: string, version: number): Promise<void>;
}

/** Adapts a storage module's typed functions (`createWorkItem`, …) to a `Repository`. */
export function repository(fns: {
  // Each entity's functions take their own row types; the routes only pass validated bodies on.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  find: (db: Db, workspaceId: string, id: string) => Promise<any>;
  list: (db: Db, workspaceId: string, projectId: string, options: any) => Promise<Page<any>>;
  create: (db: Db, ctx: WriteContext, input: any) => Promise<any>;
  update: (db: Db, ctx: WriteContext, id: string, version: number, patch: any, read?: any) => Promise<any>;
  delete: (db: Db, ctx: WriteContext, id: string, version: number) => Promise<void>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
}): Repository {
  return fns as Repository;
}

export interface Reference {
  /** A table of project rows, or `users` for a member of the workspace. */
  table: TenantTableName | 'users';
  /** For messages: `work item`. */
  what: string;
}

export interface ResourceDef {
  /** URL segment and the `entity` of change events: `work-items`. */
  path: string;
  /** The collection's segment under its project, when not `path` (`members`). */
  collectionPath?: string;
  /** The audit log's entity type: `work_item`. */
  entityType: string;
  /** For messages: `work item`. */
  title: string;
  /** OpenAPI schema name: `WorkItem`. */
  schemaName: string;
  tag: string;
  /** Columns a list may filter and sort on (the storage layer's `EntitySpec`). */
  spec: { filters: readonly string[]; sorts: readonly string[]; defaultSort: string };
  /** Writable fields, camelCase; optional where the storage layer has a default. */
  fields: z.ZodRawShape;
  /** Fields that may be set on create but never changed afterwards. */
  immutable?: readonly string[];
  /** Fields in responses only (set by the server). */
  readOnly?: z.ZodRawShape;
  access: { read: Permission; create: Permission; update: Permission; delete: Permission };
  repo: Repository;
  /** camelCase fields holding the id of another row, which must be in the same project. */
  refs?: Record<string, Reference>;
  /** camelCase fields holding lists of ids of rows of the same project. */
  refLists?: Record<string, Reference>;
  /** Writes change dates: re-schedule in the transaction, refuse cycles (422). */
  reschedules?: boolean;
  /** Last checks and server-set values before a create, inside the transaction (snake_case row). */
  beforeCreate?: (
    c: Context<AppEnv>,
    trx: Db,
    input: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>;
  /** Same for an update; `current` is the row as read. */
  beforeUpdate?: (
    c: Context<AppEnv>,
    trx: Db,
    current: Row,
    patch: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>;
  /** Further rule on who may change or delete a row (a comment: its author, or a planner). */
  mayChange?: (c: Context<AppEnv>, row: Row) => boolean;
  description?: string;
}
