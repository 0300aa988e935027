/**
 * Reads each task's `<PredecessorLink>`s into links. `Type` 0 = FF, 1 = FS, 2 = SF, 3 = SS; `LinkLag` is
 * in tenths of a minute, or, with a percent `LagFormat` (19, 20), the percentage itself (as MPXJ reads
 * and writes it); `LagFormat` gives the lag's unit and whether it is elapsed. Cross-project links are
 * ignored. A link to a UID that no task has is an error naming both tasks.
 */
import type { DurationUnit, Lag, Link, LinkType } from '@tandem/core';
import type { ElementReader } from './mspdi-element-reader.ts';
import { decodeDurationFormat } from './mspdi-durations.ts';

/** MSPDI link `Type` 0..3. */
export const LINK_TYPES: readonly LinkType[] = ['FF', 'FS', 'SF', 'SS'];

export interface LinkContext {
  taskIds: ReadonlySet<string>;
  /** UIDs in the file that are not model tasks (project summary, blank rows): links to them are dropped. */
  skipped: ReadonlySet<string>;
  defaultUnit: DurationUnit;
}

export function readLinks(
  elements: readonly { id: string; r: ElementReader }[],
  context: LinkContext,
): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const { id, r } of elements) {
    for (const l of r.children('PredecessorLink')) {
      const link = readLink(l, id, context);
      if (!link) continue;
      const key = `${link.predecessorId}->${id}`;
      if (seen.has(key)) {
        l.ctx.warn(
          l.at('PredecessorUID'),
          'a second link between the same tasks ignored',
          link.predecessorId,
        );
        continue;
      }
      seen.add(key);
      links.push(link);
    }
  }
  return links;
}

function readLink(l: ElementReader, successorId: string, context: LinkContext): Link | undefined {
  const predecessorUid = l.integer('PredecessorUID');
  const typeCode = l.integer('Type', { min: 0, max: 3 });
  const lagTenths = l.number('LinkLag') ?? 0;
  const formatCode = l.integer('LagFormat');
  if (predecessorUid === undefined) {
    if (!l.has('PredecessorUID')) l.bad('PredecessorUID', 'a link needs a PredecessorUID');
    return undefined;
  }
  const predecessorId = String(predecessorUid);
  if (l.flag('CrossProject')) {
    l.ctx.warn(l.at('CrossProject'), 'link to a task of another project ignored', predecessorId);
    return undefined;
  }
  if (context.skipped.has(predecessorId)) {
    l.ctx.warn(l.at('PredecessorUID'), 'link to the project summary or a blank row ignored', predecessorId);
    return undefined;
  }
  if (!context.taskIds.has(predecessorId)) {
    const message = `task UID ${successorId} links to predecessor UID ${predecessorId}, but no task has that UID`;
    return l.bad('PredecessorUID', message, predecessorId);
  }
  if (predecessorId === successorId)
    return l.bad('PredecessorUID', 'a task cannot be its own predecessor', predecessorId);
  const type = LINK_TYPES[typeCode ?? 1] ?? 'FS';
  const lag = lagTenths === 0 ? undefined : readLag(l, lagTenths, formatCode, context.defaultUnit);
  return { predecessorId, successorId, type, ...(lag ? { lag } : {}) };
}

function readLag(
  l: ElementReader,
  value: number,
  formatCode: number | undefined,
  defaultUnit: DurationUnit,
): Lag {
  const format = formatCode === undefined ? undefined : decodeDurationFormat(formatCode);
  if (formatCode !== undefined && !format) {
    l.ctx.warn(l.at('LagFormat'), `unknown lag format: shown in ${defaultUnit}s`, String(formatCode));
  }
  const elapsed = format?.elapsed ? { elapsed: true } : {};
  if (format?.percent) return { minutes: 0, percent: value, ...elapsed };
  return { minutes: value / 10, unit: format?.unit ?? defaultUnit, ...elapsed };
}
