/**
 * A quick upper bound on how long a plan can run, for sizing generated calendars and TaskJuggler's
 * project span. Not a scheduler: it treats every link as finish-to-start with its positive lag.
 */
import type { Project } from '../model/project.ts';

/**
 * Working minutes of the longest chain when every link is read as FS with `max(lag, 0)`; an elapsed lag
 * of d days counts as d + 1 working days. This bounds the real schedule from above because SS, FF and SF
 * links and negative lags only ever allow an earlier start. Summary tasks count as zero.
 *
 * Complexity: O(tasks + links).
 */
export function longestChainUpperBound(project: Project): number {
  const index = new Map(project.tasks.map((t, i) => [t.id, i]));
  const n = project.tasks.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const gap: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Int32Array(n);
  const parents = new Set(project.tasks.flatMap((t) => (t.parentId === undefined ? [] : [t.parentId])));
  const duration = project.tasks.map((t) => {
    if (parents.has(t.id)) return 0;
    const d = t.duration;
    return d.elapsed ? (Math.ceil(d.minutes / 1440) + 1) * project.units.minutesPerDay : d.minutes;
  });
  for (const link of project.links) {
    const p = index.get(link.predecessorId);
    const s = index.get(link.successorId);
    if (p === undefined || s === undefined) continue;
    const lag = link.lag;
    let minutes = 0;
    if (lag && lag.minutes > 0) {
      minutes = lag.elapsed ? (Math.ceil(lag.minutes / 1440) + 1) * project.units.minutesPerDay : lag.minutes;
    }
    succ[p]?.push(s);
    gap[p]?.push(minutes);
    indegree[s]!++;
  }
  const finish = new Float64Array(n);
  const start = new Float64Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  let longest = 0;
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    finish[i] = start[i]! + duration[i]!;
    longest = Math.max(longest, finish[i]!);
    const out = succ[i]!;
    const gaps = gap[i]!;
    for (let k = 0; k < out.length; k++) {
      const s = out[k]!;
      start[s] = Math.max(start[s]!, finish[i]! + gaps[k]!);
      if (--indegree[s]! === 0) queue.push(s);
    }
  }
  return longest;
}
