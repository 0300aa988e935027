/**
 * A genetic algorithm for the RCPSP in the line of Hartmann (1998, 2002) and Valls, Ballestín &
 * Quintanilla (2005):
 * - an individual is a justified schedule, seen as an activity list (its activities by start, or by
 *   finish from the end) plus a gene choosing the serial or the parallel SGS to decode it (Hartmann's
 *   self-adapting GA);
 * - each generation pairs the population at random; two-point crossover makes two children, mutation
 *   swaps adjacent unrelated activities;
 * - generations alternate direction: a forward generation decodes its children forward and
 *   right-justifies them, a backward one decodes backward and left-justifies, so every line of
 *   descent goes through forward–backward improvement at two schedule generations per child;
 * - ranking selection keeps the best distinct schedules of parents and children;
 * - after `restartAfter` schedules without a better makespan the population is sampled afresh
 *   around the LFT rule, keeping the best individual.
 * The search stops early when a schedule reaches the lower bound. The best schedule is finally
 * left-justified, so every activity starts as early as the others allow.
 */
import { Justifier } from './justification.ts';
import { ParallelSgs } from './parallel-sgs.ts';
import { priorityList, priorityValues } from './priority-rules.ts';
import type { RandomStream } from './random-stream.ts';
import { randomStream } from './random-stream.ts';
import type { RcpspNetwork } from './rcpsp-network.ts';
import { SerialSgs } from './serial-sgs.ts';

export interface GeneticOptions {
  /** Schedule generations to spend; every SGS pass counts one, justification passes included. */
  schedules: number;
  seed: number;
  /** Default 40. */
  populationSize?: number;
  /** Probability of swapping each adjacent pair of unrelated activities. Default 0.05. */
  mutationRate?: number;
  /** Schedules without a better makespan before the population is sampled afresh. Default 2,000. */
  restartAfter?: number;
}

export interface RcpspSolution {
  /** Start period of each activity. */
  start: Int32Array;
  makespan: number;
  /** Schedule generations spent (fewer than the budget when the lower bound was reached). */
  schedules: number;
  /** Schedule generations spent when the best schedule was found. */
  foundAt: number;
}

interface Individual {
  /** Decode with the parallel SGS rather than the serial one. */
  parallel: boolean;
  start: Int32Array;
  makespan: number;
  hash: number;
}

const DECODER_FLIP = 0.05;

/**
 * Runs the genetic algorithm on a compiled problem. Deterministic for a seed.
 * Complexity: O(schedules · n·d·k) for n activities of about d periods on k resources.
 */
export function geneticAlgorithm(net: RcpspNetwork, options: GeneticOptions): RcpspSolution {
  const { n } = net;
  const total = Math.max(1, Math.floor(options.schedules));
  // One schedule is kept back to left-justify the best at the end: starts as early as they can be.
  const budget = total > 1 ? total - 1 : total;
  const populationSize = Math.max(2, options.populationSize ?? 40);
  const mutationRate = options.mutationRate ?? 0.05;
  const restartAfter = options.restartAfter ?? 2000;
  const random = randomStream(options.seed);
  const serial = new SerialSgs(net);
  const parallel = new ParallelSgs(net);
  const justifier = new Justifier(net, serial);
  const start = new Int32Array(n);
  const best: RcpspSolution = { start: new Int32Array(n), makespan: Infinity, schedules: 0, foundAt: 0 };
  let used = 0;
  const done = () => used >= budget || best.makespan <= net.lowerBound;

  /** Decodes `list` in one direction, then justifies it in the other. Two schedule generations. */
  const evaluate = (list: Int32Array, forward: boolean, useParallel: boolean): Individual => {
    const decoder = useParallel ? parallel : serial;
    let makespan = forward ? decoder.forward(list, start) : decoder.backward(list, start);
    used++;
    if (used < budget) {
      makespan = forward ? justifier.right(start, makespan) : justifier.left(start, makespan);
      used++;
    }
    if (makespan < best.makespan) {
      best.makespan = makespan;
      best.start.set(start);
      best.foundAt = used;
    }
    return { parallel: useParallel, start: start.slice(), makespan, hash: hashStarts(start) };
  };

  const lft = priorityValues(net, 'LFT');
  const sample = (population: Individual[]) => {
    while (population.length < populationSize && !done())
      population.push(evaluate(priorityList(net, lft, random), true, random.next() < 0.5));
    return population;
  };
  // The LFT list itself, then lists sampled around it.
  let population = sample([evaluate(priorityList(net, lft), true, false)]);

  const chosen = new Uint8Array(n);
  const motherList = new Int32Array(n);
  const fatherList = new Int32Array(n);
  let forward = true;
  let restartedAt = 0;
  while (!done()) {
    forward = !forward;
    const listOf = (x: Individual, out: Int32Array) =>
      forward
        ? justifier.byStart(x.start, x.makespan, out)
        : justifier.byFinishDescending(x.start, x.makespan, out);
    const order = shuffled(population.length, random);
    const children: Individual[] = [];
    for (let p = 0; p + 1 < order.length && !done(); p += 2) {
      const mother = population[order[p]!]!;
      const father = population[order[p + 1]!]!;
      listOf(mother, motherList);
      listOf(father, fatherList);
      let q1 = random.below(n);
      let q2 = random.below(n);
      if (q1 > q2) [q1, q2] = [q2, q1];
      for (const [a, la, lb] of [
        [mother, motherList, fatherList],
        [father, fatherList, motherList],
      ] as const) {
        if (done()) break;
        const child = twoPointCrossover(la, lb, q1, q2, chosen);
        mutate(net, child, mutationRate, random);
        const gene = random.next() < DECODER_FLIP ? !a.parallel : a.parallel;
        children.push(evaluate(child, forward, gene));
      }
    }
    population = select(population, children, populationSize);
    if (used - best.foundAt > restartAfter && used - restartedAt > restartAfter) {
      restartedAt = used;
      population = sample([population[0]!]);
    }
  }
  if (total > 1) {
    best.makespan = justifier.left(best.start, best.makespan);
    used++;
  }
  best.schedules = used;
  return best;
}

/** Daughter: positions [0, q1) of the mother, up to q2 the father's next, then the mother's rest. */
export function twoPointCrossover(
  mother: Int32Array,
  father: Int32Array,
  q1: number,
  q2: number,
  chosen: Uint8Array = new Uint8Array(mother.length),
): Int32Array {
  const n = mother.length;
  const child = new Int32Array(n);
  chosen.fill(0);
  let i = 0;
  for (; i < q1; i++) {
    child[i] = mother[i]!;
    chosen[mother[i]!] = 1;
  }
  for (let f = 0; i < q2 && f < n; f++) {
    const j = father[f]!;
    if (chosen[j]) continue;
    child[i++] = j;
    chosen[j] = 1;
  }
  for (let m = 0; i < n; m++) {
    const j = mother[m]!;
    if (chosen[j]) continue;
    child[i++] = j;
    chosen[j] = 1;
  }
  return child;
}

/** Swaps each adjacent pair with probability `rate` unless one precedes the other. */
export function mutate(net: RcpspNetwork, list: Int32Array, rate: number, random: RandomStream): void {
  const { n, related } = net;
  for (let i = 0; i + 1 < n; i++) {
    if (random.next() >= rate) continue;
    const a = list[i]!;
    const b = list[i + 1]!;
    if (related[a * n + b] || related[b * n + a]) continue;
    list[i] = b;
    list[i + 1] = a;
  }
}

/** The best `size` of parents and children, one of each schedule while there are enough. */
function select(parents: Individual[], children: Individual[], size: number): Individual[] {
  const all = [...parents, ...children].sort((a, b) => a.makespan - b.makespan);
  const seen = new Set<number>();
  const kept: Individual[] = [];
  const twins: Individual[] = [];
  for (const x of all) {
    if (seen.has(x.hash)) twins.push(x);
    else if (kept.length < size) {
      seen.add(x.hash);
      kept.push(x);
    }
  }
  for (const x of twins) if (kept.length < size) kept.push(x);
  return kept;
}

function shuffled(length: number, random: RandomStream): Int32Array {
  const a = new Int32Array(length);
  for (let i = 0; i < length; i++) a[i] = i;
  for (let i = length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

/** FNV-1a over the start periods: equal schedules, equal hashes. */
function hashStarts(start: Int32Array): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < start.length; j++) h = Math.imul(h ^ start[j]!, 0x01000193);
  return h >>> 0;
}
