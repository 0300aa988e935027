/**
 * A PSPLIB single-mode instance (`.sm`) as the file states it, kept beside the `Project` built from it
 * because resource levelling and its benchmark work on periods, requests and capacities directly.
 */

export interface PsplibJob {
  /** 1-based job number; job 1 is the dummy source, the last job the dummy sink. */
  number: number;
  /** Duration in periods. */
  duration: number;
  /** Job numbers of the successors (finish-to-start, no lag). */
  successors: number[];
  /** Units requested of each resource, in the order of `PsplibInstance.resources`. */
  requests: number[];
}

export interface PsplibResource {
  /** `R1`, `R2`, … (`N1` for non-renewable, `D1` for doubly constrained). */
  name: string;
  kind: 'renewable' | 'nonrenewable' | 'doubly-constrained';
  /** Units available in every period. */
  capacity: number;
}

export interface PsplibInstance {
  name?: string;
  /** The file's `horizon`: an upper bound on the makespan (sum of all durations). */
  horizon: number;
  releaseDate: number;
  dueDate: number;
  tardinessCost: number;
  /** Critical-path length with resources ignored (the file's `MPM-Time`). */
  mpmTime: number;
  resources: PsplibResource[];
  /** In job-number order, source and sink included. */
  jobs: PsplibJob[];
}
