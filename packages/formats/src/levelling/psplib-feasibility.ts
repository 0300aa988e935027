/**
 * An independent check of a levelled PSPLIB schedule, written straight from the problem statement
 * and sharing no code with the levelling heuristics: every job starts at a whole period ≥ 0, no job
 * starts before each predecessor has finished, and in every period the jobs running use no more of a
 * renewable resource than it has.
 */
import type { PsplibInstance } from '../psplib/psplib-instance.ts';

/**
 * Problems found with `starts` (indexed by job number − 1); an empty list means the schedule is
 * feasible. Also returns the makespan (the latest finish).
 */
export function checkPsplibSchedule(
  instance: PsplibInstance,
  starts: readonly number[],
): { violations: string[]; makespan: number } {
  const violations: string[] = [];
  const jobs = instance.jobs;
  if (starts.length !== jobs.length) violations.push(`${starts.length} start times for ${jobs.length} jobs`);
  const startOf = (number: number) => starts[number - 1] ?? NaN;
  let makespan = 0;
  for (const job of jobs) {
    const s = startOf(job.number);
    if (!Number.isInteger(s) || s < 0) violations.push(`job ${job.number}: start ${s} is not a period ≥ 0`);
    makespan = Math.max(makespan, s + job.duration);
    for (const next of job.successors) {
      if (startOf(next) < s + job.duration)
        violations.push(
          `job ${next} starts in period ${startOf(next)}, before its predecessor ${job.number} finishes (${s} + ${job.duration})`,
        );
    }
  }
  instance.resources.forEach((resource, r) => {
    if (resource.kind !== 'renewable') return;
    for (let t = 0; t < makespan; t++) {
      let load = 0;
      for (const job of jobs) {
        const s = startOf(job.number);
        if (s <= t && t < s + job.duration) load += job.requests[r] ?? 0;
      }
      if (load > resource.capacity)
        violations.push(`period ${t}: ${resource.name} needs ${load} units, has ${resource.capacity}`);
    }
  });
  return { violations, makespan };
}
