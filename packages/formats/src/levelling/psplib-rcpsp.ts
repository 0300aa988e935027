/**
 * A PSPLIB instance as the RCPSP the levelling heuristics solve: job number `j` is activity `j - 1`;
 * only renewable resources constrain (the single-mode sets j30, j60 and j120 have no others).
 */
import type { RcpspProblem } from '@tandem/core';
import type { PsplibInstance } from '../psplib/psplib-instance.ts';

export function psplibToRcpsp(instance: PsplibInstance): RcpspProblem {
  const renewable = instance.resources.flatMap((r, i) => (r.kind === 'renewable' ? [i] : []));
  return {
    durations: instance.jobs.map((job) => job.duration),
    successors: instance.jobs.map((job) => job.successors.map((s) => s - 1)),
    requests: instance.jobs.map((job) => renewable.map((i) => job.requests[i] ?? 0)),
    capacities: renewable.map((i) => instance.resources[i]!.capacity),
  };
}
