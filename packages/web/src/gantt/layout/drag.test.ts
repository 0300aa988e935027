import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dragDays, isDrag, movedStart, resizedFinish } from './drag.ts';
import { DAY_MS } from './time.ts';

const start = Date.UTC(2026, 0, 5, 9);

describe('drag', () => {
  it.each([
    [0, 0],
    [14, 0],
    [16, 1],
    [-16, -1],
    [95, 3],
  ])('%d px at 30 px/day is %d days', (dx, days) => {
    expect(dragDays(dx, 30)).toBe(days);
  });

  it('moves by whole days keeping the time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), fc.constantFrom(30, 9, 3, 1.1), (dx, px) => {
        const moved = movedStart(start, dx, px);
        expect(Math.abs((moved - start) % DAY_MS)).toBe(0);
        expect(Math.abs((moved - start) / DAY_MS - dx / px)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('resizes by whole days and never below one day', () => {
    const finish = start + 4 * DAY_MS;
    expect(resizedFinish(start, finish, 60, 30)).toBe(finish + 2 * DAY_MS);
    expect(resizedFinish(start, finish, -3000, 30)).toBe(start + DAY_MS);
    const short = start + 4 * 3_600_000;
    expect(resizedFinish(start, short, -3000, 30)).toBe(short);
  });

  it('tells a drag from a click', () => {
    expect(isDrag(2, 2)).toBe(false);
    expect(isDrag(4, 0)).toBe(true);
  });
});
