/**
 * The Gantt benchmark's plan: one seeded generator, mapped to each chart's own input.
 *
 * `generateGanttPlan({ tasks, seed })` gives exactly `tasks` rows in outline order (a parent before its
 * children): phases (level 0) of 3–6 work packages (level 1), a third of which split into 2–3
 * sub-packages (level 2); every package holds 10–20 leaves, about one in twelve a milestone. Every
 * leaf except the first has exactly one predecessor link (80 % FS, 10 % SS, 6 % FF, 4 % SF), chosen
 * among the few leaves before it in its package (the package's first leaf links to a leaf of the
 * package before). Leaf dates follow their link; packages start on a four-week cycle, so the whole plan
 * spans about six weeks and bars stay in view at day zoom while scrolling through all rows. Chains of
 * links from a critical leaf are mostly critical (about a fifth of the leaves); every leaf has a
 * baseline a few days off its dates. Summaries span their children.
 *
 * Pure: no DOM, no Node; the browser pages and the harness test import it.
 */
import type {
  GanttLink,
  GanttLinkType,
  GanttTask,
  GanttTaskKind,
} from '../../packages/web/src/gantt/types.ts';

export const DAY = 86_400_000;
/** Monday 2026-01-05 00:00 as UTC epoch ms (the contract's "local wall clock read as UTC"). */
export const PLAN_START = Date.UTC(2026, 0, 5);

export interface GanttPlan {
  tasks: GanttTask[];
  links: GanttLink[];
}

export interface GanttPlanOptions {
  tasks: number;
  seed?: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function linkType(r: number): GanttLinkType {
  if (r < 0.8) return 'FS';
  if (r < 0.9) return 'SS';
  if (r < 0.96) return 'FF';
  return 'SF';
}

export function generateGanttPlan({ tasks: total, seed = 1 }: GanttPlanOptions): GanttPlan {
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError(`tasks must be a positive integer, got ${total}`);
  const random = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const tasks: GanttTask[] = [];
  const links: GanttLink[] = [];
  const childrenOf = new Map<string, GanttTask[]>();
  let previousPackageLeaves: GanttTask[] = [];
  let packageIndex = 0;

  const add = (parentId: string | null, kind: GanttTaskKind, name: string, wbs: string): GanttTask => {
    const task: GanttTask = {
      id: String(tasks.length + 1),
      name,
      parentId,
      kind,
      start: PLAN_START,
      finish: PLAN_START,
      progress: 0,
      critical: false,
      wbs,
    };
    tasks.push(task);
    if (parentId !== null) {
      const siblings = childrenOf.get(parentId);
      if (siblings) siblings.push(task);
      else childrenOf.set(parentId, [task]);
    }
    return task;
  };

  /** A work package's leaves, dated from their links. */
  const addLeaves = (parent: GanttTask, count: number): void => {
    const packageStart = PLAN_START + ((packageIndex++ * 5) % 20) * DAY;
    const leaves: GanttTask[] = [];
    for (let i = 0; i < count; i++) {
      const milestone = i > 0 && random() < 1 / 12;
      const leaf = add(
        parent.id,
        milestone ? 'milestone' : 'task',
        `${milestone ? 'Milestone' : 'Task'} ${tasks.length + 1}`,
        `${parent.wbs}.${i + 1}`,
      );
      const duration = milestone ? 0 : int(1, 5) * DAY;
      const predecessor =
        i > 0 ? leaves[Math.max(0, i - int(1, 4))] : previousPackageLeaves[previousPackageLeaves.length - 1];
      let start = packageStart;
      if (predecessor) {
        const type = linkType(random());
        links.push({ id: `l${links.length + 1}`, from: predecessor.id, to: leaf.id, type });
        if (i > 0) {
          if (type === 'FS') start = predecessor.finish;
          else if (type === 'SS') start = predecessor.start + int(0, 1) * DAY;
          else if (type === 'FF') start = predecessor.finish - duration;
          else start = predecessor.start - duration;
          start = Math.max(start, packageStart);
        }
        leaf.critical = predecessor.critical ? random() < 0.8 : random() < 0.05;
      }
      leaf.start = start;
      leaf.finish = start + duration;
      leaf.progress = milestone ? 0 : Math.min(100, Math.max(0, Math.round((random() * 1.4 - 0.2) * 100)));
      if (!milestone) leaf.durationLabel = `${duration / DAY}d`;
      const shift = int(-3, 2) * DAY;
      leaf.baselineStart = start + shift;
      leaf.baselineFinish = start + shift + Math.max(0, duration + int(-1, 1) * DAY);
      leaves.push(leaf);
    }
    previousPackageLeaves = leaves;
  };

  const remaining = (): number => total - tasks.length;
  let phase = 0;
  while (remaining() > 0) {
    if (remaining() === 1) {
      // no room for a summary and a child: a last top-level task
      const last = add(null, 'task', `Task ${tasks.length + 1}`, String(++phase));
      last.finish = last.start + DAY;
      last.durationLabel = '1d';
      last.baselineStart = last.start;
      last.baselineFinish = last.finish;
      break;
    }
    const phaseTask = add(null, 'summary', `Phase ${++phase}`, String(phase));
    const packages = int(3, 6);
    for (let p = 1; p <= packages; p++) {
      if (remaining() < 2) {
        // no room for a package and a child: the last row goes straight under the phase
        if (p === 1) addLeaves(phaseTask, remaining());
        break;
      }
      const wp = add(phaseTask.id, 'summary', `Work package ${phase}.${p}`, `${phaseTask.wbs}.${p}`);
      if (random() < 1 / 3 && remaining() >= 6) {
        const subs = int(2, 3);
        for (let s = 1; s <= subs && remaining() >= 2; s++) {
          const sub = add(wp.id, 'summary', `Sub-package ${wp.wbs}.${s}`, `${wp.wbs}.${s}`);
          addLeaves(sub, Math.min(int(10, 20), remaining()));
        }
      } else {
        addLeaves(wp, Math.min(int(10, 20), remaining()));
      }
    }
  }

  // summaries span their children (children come after their parent, so walk backwards)
  for (let i = tasks.length - 1; i >= 0; i--) {
    const task = tasks[i]!;
    const children = childrenOf.get(task.id);
    if (task.kind !== 'summary' || !children) continue;
    let start = Infinity;
    let finish = -Infinity;
    let done = 0;
    let length = 0;
    for (const child of children) {
      start = Math.min(start, child.start);
      finish = Math.max(finish, child.finish);
      const span = child.finish - child.start;
      done += span * child.progress;
      length += span;
    }
    task.start = start;
    task.finish = finish;
    task.progress = length > 0 ? Math.round(done / length) : 0;
    task.critical = children.some((child) => child.critical);
    task.durationLabel = `${Math.round((finish - start) / DAY)}d`;
  }
  return { tasks, links };
}

// ---- SVAR React Gantt (@svar-ui/react-gantt): tasks/links props ----

export interface SvarTask {
  id: number;
  text: string;
  start: Date;
  end: Date;
  duration?: number;
  progress: number;
  type: 'task' | 'summary' | 'milestone';
  parent: number;
  open?: boolean;
}
export interface SvarLink {
  id: number;
  source: number;
  target: number;
  type: 'e2s' | 's2s' | 'e2e' | 's2e';
}

const SVAR_LINK: Record<GanttLinkType, SvarLink['type']> = { FS: 'e2s', SS: 's2s', FF: 'e2e', SF: 's2e' };

/** Dates become local `Date`s of the same wall-clock time (the benchmark's browser runs in UTC). */
const wallClock = (ms: number): Date => {
  const d = new Date(ms);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
};

export function toSvar(plan: GanttPlan): { tasks: SvarTask[]; links: SvarLink[] } {
  return {
    tasks: plan.tasks.map((t) => {
      const task: SvarTask = {
        id: Number(t.id),
        text: t.name,
        start: wallClock(t.start),
        end: wallClock(t.finish),
        progress: t.progress,
        type: t.kind,
        parent: t.parentId === null ? 0 : Number(t.parentId),
      };
      if (t.kind === 'summary') task.open = true;
      else task.duration = Math.round((t.finish - t.start) / DAY);
      return task;
    }),
    links: plan.links.map((l, i) => ({
      id: i + 1,
      source: Number(l.from),
      target: Number(l.to),
      type: SVAR_LINK[l.type],
    })),
  };
}

// ---- DHTMLX Gantt (dhtmlx-gantt): gantt.parse({ data, links }) ----

export interface DhtmlxTask {
  id: number;
  text: string;
  start_date: Date;
  end_date: Date;
  progress: number;
  type: 'task' | 'project' | 'milestone';
  parent: number;
  open?: boolean;
}
export interface DhtmlxLink {
  id: number;
  source: number;
  target: number;
  /** "0" finish-to-start, "1" start-to-start, "2" finish-to-finish, "3" start-to-finish */
  type: '0' | '1' | '2' | '3';
}

const DHTMLX_LINK: Record<GanttLinkType, DhtmlxLink['type']> = { FS: '0', SS: '1', FF: '2', SF: '3' };
const DHTMLX_KIND: Record<GanttTaskKind, DhtmlxTask['type']> = {
  task: 'task',
  summary: 'project',
  milestone: 'milestone',
};

export function toDhtmlx(plan: GanttPlan): { data: DhtmlxTask[]; links: DhtmlxLink[] } {
  return {
    data: plan.tasks.map((t) => {
      const task: DhtmlxTask = {
        id: Number(t.id),
        text: t.name,
        start_date: wallClock(t.start),
        end_date: wallClock(t.finish),
        progress: t.progress / 100,
        type: DHTMLX_KIND[t.kind],
        parent: t.parentId === null ? 0 : Number(t.parentId),
      };
      if (t.kind === 'summary') task.open = true;
      return task;
    }),
    links: plan.links.map((l, i) => ({
      id: i + 1,
      source: Number(l.from),
      target: Number(l.to),
      type: DHTMLX_LINK[l.type],
    })),
  };
}
