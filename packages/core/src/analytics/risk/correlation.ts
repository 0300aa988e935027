/**
 * Correlated task durations by a Gaussian copula: each group of correlated tasks draws standard
 * normals, mixes them to the requested correlation, and turns them back into uniforms (Φ), which the
 * tasks' own inverse CDFs then turn into durations. Marginals are untouched; only the ranks move
 * together.
 *
 * A coefficient is read as a Spearman rank correlation (what users estimate and what the tornado
 * shows); the normals are correlated at 2·sin(π·ρ/6), the Pearson coefficient that gives that rank
 * correlation under a Gaussian copula.
 */
import type { Correlation } from '../../model/project.ts';
import { normalCdf, normalQuantileFast } from './distributions.ts';
import type { RandomStream } from './random-stream.ts';
import { RiskAnalysisError } from './risk-errors.ts';

/** One connected group of correlated tasks. */
export interface CopulaGroup {
  /** Task indices, in ascending order. */
  tasks: Int32Array;
  /**
   * 'factor': z_j = √ρ·g + √(1−ρ)·ε_j (one group, ρ ≥ 0: O(k) per draw);
   * 'cholesky': z = L·ε with `lower` row-major k×k (overlapping groups or ρ < 0: O(k²) per draw).
   */
  kind: 'factor' | 'cholesky';
  rho: number;
  lower: Float64Array;
}

/** Pearson correlation of the normals that gives Spearman rank correlation `spearman`. */
export const normalCorrelationFor = (spearman: number): number => 2 * Math.sin((Math.PI * spearman) / 6);

/**
 * Groups `correlations` into connected components over the tasks that `varies` (fixed tasks cannot
 * correlate with anything). A pair named by two groups takes the later coefficient. A matrix that is not
 * positive definite (e.g. three tasks each at −0.8 to the others) is shrunk towards independence until
 * it is, with a warning. Throws `RiskAnalysisError('INVALID_CORRELATION')` for unknown ids or a
 * coefficient outside [−1, 1].
 *
 * Complexity: O(Σ k²) to build, plus O(k³) per Cholesky component.
 */
export function buildCopula(
  correlations: readonly Correlation[],
  indexOfId: Pick<ReadonlyMap<string, number>, 'get'>,
  varies: (task: number) => boolean,
  warnings: string[],
): CopulaGroup[] {
  const groups: number[][] = [];
  const coefficients: number[] = [];
  correlations.forEach((c, g) => {
    if (!(c.coefficient >= -1 && c.coefficient <= 1))
      throw new RiskAnalysisError(
        'INVALID_CORRELATION',
        `correlations[${g}]: coefficient ${c.coefficient} is outside −1…1`,
      );
    const members: number[] = [];
    for (const id of c.taskIds) {
      const i = indexOfId.get(id);
      if (i === undefined)
        throw new RiskAnalysisError('INVALID_CORRELATION', `correlations[${g}]: unknown task "${id}"`);
      if (varies(i) && !members.includes(i)) members.push(i);
    }
    if (members.length >= 2 && c.coefficient !== 0) {
      groups.push(members);
      coefficients.push(c.coefficient);
    }
  });
  if (groups.length === 0) return [];

  // Union-find over the tasks of all groups.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const members of groups)
    for (const m of members) {
      if (!parent.has(m)) parent.set(m, m);
      parent.set(find(m), find(members[0]!));
    }
  const componentGroups = new Map<number, number[]>();
  groups.forEach((members, g) => {
    const root = find(members[0]!);
    const list = componentGroups.get(root);
    if (list) list.push(g);
    else componentGroups.set(root, [g]);
  });

  const result: CopulaGroup[] = [];
  for (const gs of componentGroups.values()) {
    const tasks = [...new Set(gs.flatMap((g) => groups[g]!))].sort((a, b) => a - b);
    const k = tasks.length;
    const only = gs.length === 1 ? gs[0]! : -1;
    if (only >= 0 && coefficients[only]! > 0) {
      const rho = Math.min(1, normalCorrelationFor(coefficients[only]!));
      result.push({ tasks: Int32Array.from(tasks), kind: 'factor', rho, lower: new Float64Array(0) });
      continue;
    }
    const position = new Map(tasks.map((t, p) => [t, p]));
    const matrix = new Float64Array(k * k);
    for (let p = 0; p < k; p++) matrix[p * k + p] = 1;
    for (const g of gs) {
      const r = normalCorrelationFor(coefficients[g]!);
      const members = groups[g]!;
      for (const a of members)
        for (const b of members) {
          if (a === b) continue;
          matrix[position.get(a)! * k + position.get(b)!] = r;
        }
    }
    let shrink = 1;
    let lower = cholesky(matrix, k, shrink);
    while (!lower && shrink > 0) {
      shrink = Math.max(0, shrink - 0.01);
      lower = cholesky(matrix, k, shrink);
    }
    if (shrink < 1)
      warnings.push(
        `The correlations among ${k} tasks are not consistent with each other; they were scaled by ${shrink.toFixed(2)} to make them so.`,
      );
    result.push({ tasks: Int32Array.from(tasks), kind: 'cholesky', rho: 0, lower: lower! });
  }
  return result;
}

/** Lower Cholesky factor of the matrix with off-diagonals scaled by `shrink`, or undefined if not PD. */
function cholesky(matrix: Float64Array, k: number, shrink: number): Float64Array | undefined {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = i === j ? 1 : shrink * matrix[i * k + j]!;
      for (let m = 0; m < j; m++) sum -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (sum <= 1e-10) return undefined;
        l[i * k + i] = Math.sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j]!;
    }
  }
  return l;
}

/**
 * Draws one iteration's correlated uniforms for every group into `uniform` (indexed by task).
 * `scratch` needs the size of the largest group.
 */
export function drawCopula(
  groups: readonly CopulaGroup[],
  stream: RandomStream,
  uniform: Float64Array,
  scratch: Float64Array,
): void {
  for (const group of groups) {
    const tasks = group.tasks;
    const k = tasks.length;
    if (group.kind === 'factor') {
      const shared = normalQuantileFast(stream.uniform()) * Math.sqrt(group.rho);
      const own = Math.sqrt(1 - group.rho);
      for (let p = 0; p < k; p++)
        uniform[tasks[p]!] = clampOpen(normalCdf(shared + own * normalQuantileFast(stream.uniform())));
      continue;
    }
    for (let p = 0; p < k; p++) scratch[p] = normalQuantileFast(stream.uniform());
    const l = group.lower;
    for (let p = k - 1; p >= 0; p--) {
      let z = 0;
      for (let m = 0; m <= p; m++) z += l[p * k + m]! * scratch[m]!;
      uniform[tasks[p]!] = clampOpen(normalCdf(z));
    }
  }
}

const clampOpen = (u: number): number => Math.min(1 - 1e-16, Math.max(1e-300, u));
