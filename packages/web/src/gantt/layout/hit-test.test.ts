import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_METRICS as M, barGeometry, linkHandles } from './bar-geometry.ts';
import { hitTest, nearestEnd } from './hit-test.ts';
import { createTimeScale } from './time-scale.ts';
import { DAY_MS } from './time.ts';
import { task } from './test-tasks.ts';
import type { GanttTaskKind } from '../types.ts';

const base = Date.UTC(2026, 0, 5);
const scale = createTimeScale('day', base, base + 100 * DAY_MS);

function rowsOf(kind: GanttTaskKind, startDay: number, days: number, row: number) {
  const rows = Array.from({ length: row + 1 }, (_, i) => ({ task: task(`r${i}`, { start: 0, finish: 0 }) }));
  rows[row] = {
    task: task('t', { kind, start: base + startDay * DAY_MS, finish: base + (startDay + days) * DAY_MS }),
  };
  return rows;
}

describe('hitTest', () => {
  it('finds body, resize grip and both handles of a task bar', () => {
    const rows = rowsOf('task', 2, 4, 1);
    const bar = barGeometry(rows[1]!.task, 1, scale);
    const h = linkHandles(bar);
    expect(hitTest((bar.x0 + bar.x1) / 2, bar.cy, rows, scale)?.zone).toBe('move');
    expect(hitTest(bar.x1 - 2, bar.cy, rows, scale)?.zone).toBe('resize');
    expect(hitTest(h.finish.x, h.finish.y, rows, scale)?.zone).toBe('link-finish');
    expect(hitTest(h.start.x, h.start.y, rows, scale)?.zone).toBe('link-start');
    expect(hitTest(bar.x1 + 40, bar.cy, rows, scale)).toBeNull();
    expect(hitTest(bar.x0, -1, rows, scale)).toBeNull();
    expect(hitTest(bar.x0, 10 * M.rowHeight, rows, scale)).toBeNull();
  });

  it('gives milestones and summaries no resize grip', () => {
    for (const kind of ['milestone', 'summary'] as const) {
      const rows = rowsOf(kind, 2, kind === 'milestone' ? 0 : 4, 0);
      const bar = barGeometry(rows[0]!.task, 0, scale);
      expect(hitTest(bar.finishX - 1, bar.cy, rows, scale)?.zone).toBe('move');
    }
  });

  it('is the inverse of the geometry: each handle and the bar centre hit their own zone and task', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<GanttTaskKind>('task', 'summary', 'milestone'),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 30 }),
        (kind, startDay, days, row) => {
          const rows = rowsOf(kind, startDay, kind === 'milestone' ? 0 : days, row);
          const bar = barGeometry(rows[row]!.task, row, scale);
          const h = linkHandles(bar);
          const centre = hitTest((bar.startX + bar.finishX) / 2, bar.cy, rows, scale);
          expect(centre).toMatchObject({ taskId: 't', rowIndex: row, zone: 'move' });
          expect(hitTest(h.start.x, h.start.y, rows, scale)?.zone).toBe('link-start');
          expect(hitTest(h.finish.x, h.finish.y, rows, scale)?.zone).toBe('link-finish');
        },
      ),
    );
  });

  it('nearestEnd splits a bar at its middle', () => {
    const bar = barGeometry(task('t', { start: base, finish: base + 4 * DAY_MS }), 0, scale);
    expect(nearestEnd(bar, bar.x0 + 1)).toBe('start');
    expect(nearestEnd(bar, bar.x1 - 1)).toBe('finish');
  });
});
