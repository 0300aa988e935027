import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GanttLinkType, GanttTaskKind } from '../types.ts';
import { DEFAULT_METRICS as M, barGeometry } from './bar-geometry.ts';
import { hitTest } from './hit-test.ts';
import { distanceToSegment, hitTestLink, linkAnchor, type RowLink } from './link-hit.ts';
import { linkPath } from './link-path.ts';
import { createTimeScale } from './time-scale.ts';
import { DAY_MS } from './time.ts';
import { task } from './test-tasks.ts';

const base = Date.UTC(2026, 0, 5);
const scale = createTimeScale('day', base, base + 100 * DAY_MS);
const TYPES: GanttLinkType[] = ['FS', 'SS', 'FF', 'SF'];

function rowOf(id: string, startDay: number, days: number, kind: GanttTaskKind = 'task') {
  return {
    task: task(id, { kind, start: base + startDay * DAY_MS, finish: base + (startDay + days) * DAY_MS }),
  };
}

// a (days 0–2) → b (days 5–7) two rows below, FS: right, down, right
const rows = [rowOf('a', 0, 2), rowOf('x', 20, 2), rowOf('b', 5, 2)];
const ab: RowLink = { id: 'ab', type: 'FS', fromIndex: 0, toIndex: 2 };

describe('distanceToSegment', () => {
  it.each([
    [{ x: 5, y: 3 }, 3],
    [{ x: -4, y: 3 }, 5],
    [{ x: 12, y: 0 }, 2],
  ])('from %o to (0,0)–(10,0) is %d', (p, d) => {
    expect(distanceToSegment(p, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(d);
  });
});

describe('hitTestLink', () => {
  const a = barGeometry(rows[0]!.task, 0, scale);
  const b = barGeometry(rows[2]!.task, 2, scale);
  const path = linkPath('FS', a, b, M.rowHeight);
  const turn = path[1]!;

  it('picks a link within 4 px of its vertical run, and not beyond', () => {
    const y = M.rowHeight * 1.5;
    expect(hitTestLink(turn.x, y, [ab], rows, scale)?.id).toBe('ab');
    expect(hitTestLink(turn.x + 4, y, [ab], rows, scale)?.id).toBe('ab');
    expect(hitTestLink(turn.x - 3, y, [ab], rows, scale)?.id).toBe('ab');
    expect(hitTestLink(turn.x + 5, y, [ab], rows, scale)).toBeNull();
    expect(hitTestLink(turn.x, -2, [ab], rows, scale)).toBeNull();
  });

  it('picks the nearer of two links', () => {
    const other: RowLink = { id: 'xb', type: 'SS', fromIndex: 1, toIndex: 2 };
    const y = M.rowHeight * 1.5 + 10;
    expect(hitTestLink(turn.x + 1, y, [other, ab], rows, scale)?.id).toBe('ab');
  });

  it('does not route links whose rows are far from the point', () => {
    const far: RowLink = { id: 'far', type: 'FS', fromIndex: 0, toIndex: 1 };
    const many = [...rows, rowOf('c', 0, 2), rowOf('d', 0, 2), rowOf('e', 5, 2)];
    const below: RowLink = { id: 'de', type: 'FS', fromIndex: 4, toIndex: 5 };
    expect(hitTestLink(turn.x, M.rowHeight * 4.5, [far, ab, below], many, scale)?.id).toBe('de');
  });

  it('leaves bars and their handles to the bar hit test: the anchor of every route hits no bar', () => {
    const bar = fc.record({
      startDay: fc.integer({ min: 0, max: 60 }),
      days: fc.integer({ min: 0, max: 20 }),
      milestone: fc.boolean(),
    });
    fc.assert(
      fc.property(
        bar,
        bar,
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.constantFrom(...TYPES),
        (f, t, gap, up, type) => {
          const make = (b: typeof f, id: string) =>
            rowOf(id, b.startDay, b.milestone ? 0 : b.days, b.milestone ? 'milestone' : 'task');
          const n = gap + 1;
          const all = Array.from({ length: n }, (_, i) => rowOf(`f${i}`, 90, 1));
          const [fi, ti] = up ? [gap, 0] : [0, gap];
          all[fi] = make(f, 'from');
          all[ti] = make(t, 'to');
          const link: RowLink = { id: 'l', type, fromIndex: fi, toIndex: ti };
          const path = linkPath(
            type,
            barGeometry(all[fi]!.task, fi, scale),
            barGeometry(all[ti]!.task, ti, scale),
            M.rowHeight,
          );
          const p = linkAnchor(path, barGeometry(all[ti]!.task, ti, scale).cy, M.rowHeight);
          expect(p).not.toBeNull();
          expect(hitTestLink(p!.x, p!.y, [link], all, scale)?.id).toBe('l');
          expect(hitTest(p!.x, p!.y, all, scale)).toBeNull();
        },
      ),
    );
  });
});
