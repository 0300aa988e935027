/**
 * Links signals to the project's work items (by key in branch names, titles and messages) and
 * releases (by tag, or by sharing a work item).
 */
import type { KeyOptions } from '@tandem/formats';
import type { Db } from '../repositories/transaction.ts';

export interface Linker {
  keys: KeyOptions;
  /** Work-item ids for the keys found (unknown keys are left out). */
  idsFor(keys: readonly string[]): string[];
  /** The release a signal belongs to: its ref is the release's tag, or it shares a work item. */
  releaseFor(workItemIds: readonly string[], ref?: string | null): string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function projectLinker(db: Db, workspaceId: string, projectId: string): Promise<Linker> {
  const items = await db
    .selectFrom('work_items')
    .select(['id', 'key'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
  const releases = await db
    .selectFrom('releases')
    .select(['id', 'tag', 'work_item_ids', 'planned_date', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('planned_date')
    .orderBy('id')
    .execute();
  const byKey = new Map<string, string>();
  for (const i of items) byKey.set(i.key.toUpperCase(), i.id);
  // Keys written by people (not row ids) are looked for as words too.
  const knownKeys = items.map((i) => i.key).filter((k) => !UUID.test(k) && k.length >= 3);
  const prefixes = [
    ...new Set(
      items
        .map((i) => /^([A-Za-z][A-Za-z0-9]{1,9})-\d+$/.exec(i.key)?.[1]?.toUpperCase())
        .filter((p): p is string => p !== undefined),
    ),
  ];
  return {
    keys: { knownKeys, ...(prefixes.length > 0 ? { prefixes } : {}) },
    idsFor: (keys) => [
      ...new Set(keys.map((k) => byKey.get(k.toUpperCase())).filter((id): id is string => !!id)),
    ],
    releaseFor: (workItemIds, ref) => {
      if (ref) {
        const tag = ref.replace(/^refs\/tags\//, '');
        const tagged = releases.find((r) => r.tag !== null && r.tag === tag);
        if (tagged) return tagged.id;
      }
      // The first release not yet shipped that holds one of the work items, else the last that did.
      const holding = releases.filter((r) => r.work_item_ids.some((id) => workItemIds.includes(id)));
      return (holding.find((r) => r.status !== 'released') ?? holding.at(-1))?.id ?? null;
    },
  };
}
