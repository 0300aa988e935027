/**
 * Timephased data (`<TimephasedData>`: work or cost per period) is not imported: the scheduler derives
 * it. Its dates are still checked so that a damaged file is reported: a malformed date there is a
 * warning naming the element and the value, not an error, since nothing read depends on it.
 */
import { parseMspdiDateTime } from './mspdi-dates.ts';
import type { ElementReader } from './mspdi-element-reader.ts';

/** Warns about malformed `Start`/`Finish` in the `TimephasedData` of `r` and of its `Baseline`s. */
export function checkTimephasedData(r: ElementReader): void {
  for (const owner of [r, ...r.children('Baseline')]) {
    for (const data of owner.children('TimephasedData', false)) {
      for (const name of ['Start', 'Finish']) {
        const raw = data.value(name);
        if (raw !== undefined && !parseMspdiDateTime(raw)) {
          data.ctx.warn(data.at(name), 'malformed date-time in timephased data (not imported): ignored', raw);
        }
      }
    }
  }
}
