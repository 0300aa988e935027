import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GanttLinkType } from '../types.ts';
import { DEFAULT_METRICS, barGeometry } from './bar-geometry.ts';
import { arrowDirection, linkEnds, linkPath, linkTypeFromEnds } from './link-path.ts';
import { createTimeScale } from './time-scale.ts';
import { DAY_MS } from './time.ts';
import { task } from './test-tasks.ts';

const base = Date.UTC(2026, 0, 5);
const scale = createTimeScale('day', base, base + 100 * DAY_MS);
const TYPES: GanttLinkType[] = ['FS', 'SS', 'FF', 'SF'];
const RH = DEFAULT_METRICS.rowHeight;

describe('linkEnds / linkTypeFromEnds', () => {
  it.each([
    ['FS', 'finish', 'start'],
    ['SS', 'start', 'start'],
    ['FF', 'finish', 'finish'],
    ['SF', 'start', 'finish'],
  ] as const)('%s leaves the %s and enters the %s', (type, from, to) => {
    expect(linkEnds(type)).toEqual({ from, to });
    expect(linkTypeFromEnds(from, to)).toBe(type);
  });
});

describe('linkPath', () => {
  it('routes FS with room as right, down, right', () => {
    const a = barGeometry(task('a', { start: base, finish: base + 2 * DAY_MS }), 0, scale);
    const b = barGeometry(task('b', { start: base + 5 * DAY_MS, finish: base + 6 * DAY_MS }), 2, scale);
    const p = linkPath('FS', a, b, RH);
    expect(p).toHaveLength(4);
    expect(p[0]).toEqual({ x: a.finishX, y: a.cy });
    expect(p[3]).toEqual({ x: b.startX, y: b.cy });
    expect(arrowDirection(p)).toBe(1);
  });

  it('doubles back between the rows when the successor starts before the turn', () => {
    const a = barGeometry(task('a', { start: base, finish: base + 5 * DAY_MS }), 0, scale);
    const b = barGeometry(task('b', { start: base + DAY_MS, finish: base + 3 * DAY_MS }), 1, scale);
    const p = linkPath('FS', a, b, RH);
    expect(p).toHaveLength(6);
    expect(p[2]?.y).toBe(RH); // the boundary between row 0 and row 1
  });

  const bar = fc.record({
    startDay: fc.integer({ min: 0, max: 60 }),
    days: fc.integer({ min: 0, max: 20 }),
    row: fc.integer({ min: 0, max: 50 }),
    milestone: fc.boolean(),
  });

  it('always starts at the predecessor end and ends at the successor end, axis-aligned, arrow pointing in', () => {
    fc.assert(
      fc.property(bar, bar, fc.constantFrom(...TYPES), (f, t, type) => {
        fc.pre(f.row !== t.row);
        const geo = (b: typeof f) =>
          barGeometry(
            task('x', {
              kind: b.milestone ? 'milestone' : 'task',
              start: base + b.startDay * DAY_MS,
              finish: base + (b.startDay + b.days) * DAY_MS,
            }),
            b.row,
            scale,
          );
        const from = geo(f);
        const to = geo(t);
        const p = linkPath(type, from, to, RH);
        const ends = linkEnds(type);
        const first = p[0];
        const last = p[p.length - 1];
        expect(first).toEqual({ x: ends.from === 'start' ? from.startX : from.finishX, y: from.cy });
        expect(last).toEqual({ x: ends.to === 'start' ? to.startX : to.finishX, y: to.cy });
        for (let i = 1; i < p.length; i += 1) {
          const a = p[i - 1]!;
          const b = p[i]!;
          expect(a.x === b.x || a.y === b.y).toBe(true);
        }
        // the first segment leaves outwards, the last enters from outside
        const second = p[1]!;
        expect(Math.sign(second.x - first!.x)).toBe(ends.from === 'start' ? -1 : 1);
        expect(arrowDirection(p)).toBe(ends.to === 'start' ? 1 : -1);
      }),
    );
  });
});
