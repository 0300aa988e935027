// The Gantt chart: a hand-built, virtualised chart (task grid + canvas timeline) with no Gantt library.
export { Gantt } from './Gantt.tsx';
export type {
  GanttHandle,
  GanttLink,
  GanttLinkType,
  GanttProps,
  GanttTask,
  GanttTaskKind,
  GanttZoom,
} from './types.ts';
export { ZOOMS, stepZoom } from './layout/time-scale.ts';
export { LINK_TYPE_NAMES } from './layout/link-path.ts';
