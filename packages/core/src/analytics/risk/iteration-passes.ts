/**
 * The scheduling passes of one Monte Carlo iteration: the working-minute passes
 * (working-minute-passes.ts) when the plan allows them, otherwise the engine's own `prepared.run`.
 * Both give the same dates; the first is several times faster. Criticality needs the backward pass;
 * without it only the forward pass runs.
 */
import type { PreparedSchedule } from '../../schedule/prepared-schedule.ts';
import { C_ALAP, C_ASAP, C_FNET, C_SNET } from '../../schedule/task-timing.ts';
import { workingMinutePasses } from './working-minute-passes.ts';

export interface IterationPasses {
  /** 'working-minutes' (fast path) or 'engine'; `reason` says why the fast path could not run. */
  readonly kernel: 'working-minutes' | 'engine';
  readonly reason?: string;
  /** Schedules one iteration with these working-minute durations; returns the project finish. */
  run(durations: Float64Array): number;
  /** Early finish of task `i` in the last run (local minutes). */
  finishOf(i: number): number;
  /** Leaf tasks critical in the last run (only when built with criticality); summaries are 0. */
  readonly critical: Uint8Array;
}

/** Passes for `prepared`; `criticality` adds the backward pass and the critical flags to every run. */
export function iterationPasses(prepared: PreparedSchedule, criticality: boolean): IterationPasses {
  const reason = fastPathBlocker(prepared);
  if (reason !== undefined) return enginePasses(prepared, criticality, reason);
  return { kernel: 'working-minutes', ...workingMinutePasses(prepared, criticality) };
}

/** Why the working-minute passes cannot run this plan, or undefined when they can. */
export function fastPathBlocker(prepared: PreparedSchedule): string | undefined {
  const { timing, network: net, context: ctx } = prepared;
  if (!Number.isNaN(ctx.statusDate)) return 'the plan has a status date';
  if (timing.segments.size > 0) return 'some tasks are scheduled on resource calendars';
  const n = net.taskCount;
  for (let i = 0; i < n; i++) {
    const summary = net.isSummary[i] === 1;
    if (!summary && timing.cal[i] !== prepared.projectCalendar)
      return 'some tasks have their own calendar or an elapsed duration';
    if (timing.manual[i]) return 'some tasks are manually scheduled';
    if (!Number.isNaN(timing.actualStart[i]!) || !Number.isNaN(timing.actualFinish[i]!))
      return 'some tasks have progress';
    const c = timing.constraint[i]!;
    if (!(c === C_ASAP || c === C_ALAP || c === C_SNET || (c === C_FNET && !summary)))
      return 'some tasks have constraints that pin their dates';
  }
  return undefined;
}

function enginePasses(prepared: PreparedSchedule, criticality: boolean, reason: string): IterationPasses {
  const n = prepared.network.taskCount;
  const isSummary = prepared.network.isSummary;
  const critical = new Uint8Array(n);
  let ef: Float64Array = new Float64Array(n);
  return {
    kernel: 'engine',
    reason,
    critical,
    finishOf: (i) => ef[i]!,
    run(durations) {
      const result = prepared.run({ durations, forwardOnly: !criticality });
      ef = result.ef;
      if (criticality) {
        const flags = result.floats!.critical;
        for (let i = 0; i < n; i++) critical[i] = isSummary[i] ? 0 : flags[i]!;
      }
      return result.projectFinish;
    },
  };
}
