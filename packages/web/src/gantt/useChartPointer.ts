import { useRef, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import type { GanttProps, GanttTask } from './types.ts';
import { DEFAULT_METRICS, linkHandles, type BarGeometry } from './layout/bar-geometry.ts';
import { isDrag, movedStart, resizedFinish } from './layout/drag.ts';
import { hitTest, nearestEnd, type HitZone } from './layout/hit-test.ts';
import { hitTestLink, type RowLink } from './layout/link-hit.ts';
import { LINK_TYPE_NAMES, linkTypeFromEnds, type BarEnd } from './layout/link-path.ts';
import type { TimeScale } from './layout/time-scale.ts';
import { calendarDays, formatShortDate } from './layout/time.ts';
import type { VisibleRow } from './layout/visible-rows.ts';
import type { DragOverlay } from './render/draw-chart.ts';
import { hideTooltip, showTooltip } from './tooltip.ts';

/** What the pointer handlers read at event time (kept current by the chart on every render). */
export interface PointerContext {
  rows: readonly VisibleRow[];
  /** the links between shown rows (hit-tested when no bar is under the pointer) */
  links: readonly RowLink[];
  scale: TimeScale;
  props: GanttProps;
  size: { width: number; height: number };
  gridWidth: number;
  headerHeight: number;
}

interface DragState {
  zone: HitZone;
  task: GanttTask;
  rowIndex: number;
  bar: BarGeometry;
  downX: number;
  downY: number;
  active: boolean;
}

export interface ChartPointerOptions {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  scrollerRef: RefObject<HTMLDivElement | null>;
  tooltipRef: RefObject<HTMLDivElement | null>;
  context: RefObject<PointerContext>;
  overlay: RefObject<DragOverlay | null>;
  hoverIndex: RefObject<number>;
  /** the link under the pointer (drawn thicker) */
  hoverLink: RefObject<string | null>;
  requestDraw: () => void;
  select: (taskId: string) => void;
  selectLink: (linkId: string | null) => void;
  /** a dropped move/resize stays drawn until the tasks change */
  setPending: (overlay: DragOverlay) => void;
}

function taskLines(task: GanttTask, start: number, finish: number): string[] {
  const lines =
    task.kind === 'milestone'
      ? [`Milestone: ${formatShortDate(start)}`]
      : [
          `Start: ${formatShortDate(start)}`,
          `Finish: ${formatShortDate(finish)}`,
          `Duration: ${task.durationLabel !== undefined && start === task.start && finish === task.finish ? task.durationLabel : `${calendarDays(start, finish)}d`}`,
          `${Math.round(task.progress)}% complete${task.critical ? ' · critical' : ''}`,
        ];
  if (task.alert !== undefined) lines.push(`⚠ ${task.alert}`);
  return lines;
}

/** Pointer handling on the chart canvas: hover handles and tooltips, drag to move/resize, drag handles to link. */
export function useChartPointer(o: ChartPointerOptions) {
  const drag = useRef<DragState | null>(null);

  const contentPoint = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const sc = o.scrollerRef.current;
    const vx = e.clientX - rect.left;
    const vy = e.clientY - rect.top;
    return { x: vx + (sc?.scrollLeft ?? 0), y: vy + (sc?.scrollTop ?? 0), vx, vy };
  };
  const tooltipAt = (task: GanttTask, start: number, finish: number, vx: number, vy: number) => {
    const c = o.context.current;
    showTooltip(
      o.tooltipRef.current,
      task.name,
      taskLines(task, start, finish),
      vx + c.gridWidth,
      vy + c.headerHeight,
      c.size,
    );
  };

  const linkAt = (x: number, y: number): RowLink | null => {
    const c = o.context.current;
    return hitTestLink(x, y, c.links, c.rows, c.scale);
  };
  const setHoverLink = (id: string | null) => {
    if (o.hoverLink.current === id) return;
    o.hoverLink.current = id;
    o.requestDraw();
  };

  const linkTooltip = (link: RowLink, vx: number, vy: number) => {
    const c = o.context.current;
    const from = c.rows[link.fromIndex]?.task.name ?? '';
    const to = c.rows[link.toIndex]?.task.name ?? '';
    showTooltip(
      o.tooltipRef.current,
      `${LINK_TYPE_NAMES[link.type]} link`,
      [`${from} → ${to}`, 'Double-click to edit'],
      vx + c.gridWidth,
      vy + c.headerHeight,
      c.size,
    );
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const c = o.context.current;
    const p = contentPoint(e);
    const hit = hitTest(p.x, p.y, c.rows, c.scale);
    if (hit === null) {
      // a link's line: select it and take the keys (Delete, Enter, Escape); elsewhere: deselect
      const link = linkAt(p.x, p.y);
      o.selectLink(link?.id ?? null);
      if (link !== null) e.currentTarget.focus({ preventScroll: true });
      return;
    }
    const row = c.rows[hit.rowIndex];
    if (row === undefined) return;
    o.selectLink(null);
    o.select(hit.taskId);
    if (c.props.readOnly) return;
    if (hit.zone === 'move' && row.task.kind === 'summary') return;
    drag.current = {
      zone: hit.zone,
      task: row.task,
      rowIndex: hit.rowIndex,
      bar: hit.bar,
      downX: p.x,
      downY: p.y,
      active: false,
    };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = o.context.current;
    const p = contentPoint(e);
    const d = drag.current;
    if (d === null) {
      const hit = hitTest(p.x, p.y, c.rows, c.scale);
      const index = hit?.rowIndex ?? -1;
      const canvas = e.currentTarget;
      const ro = c.props.readOnly === true;
      const kind = hit === null ? null : c.rows[hit.rowIndex]?.task.kind;
      const link = hit === null ? linkAt(p.x, p.y) : null;
      setHoverLink(link?.id ?? null);
      if (link !== null) {
        canvas.style.cursor = 'pointer';
        linkTooltip(link, p.vx, p.vy);
        if (o.hoverIndex.current !== -1) {
          o.hoverIndex.current = -1;
          o.requestDraw();
        }
        return;
      }
      canvas.style.cursor =
        hit === null || ro
          ? 'default'
          : hit.zone === 'resize'
            ? 'ew-resize'
            : hit.zone === 'move'
              ? kind === 'summary'
                ? 'pointer'
                : 'grab'
              : 'crosshair';
      if (index !== o.hoverIndex.current) {
        o.hoverIndex.current = index;
        o.requestDraw();
      }
      const task = hit === null ? undefined : c.rows[hit.rowIndex]?.task;
      if (task === undefined) hideTooltip(o.tooltipRef.current);
      else tooltipAt(task, task.start, task.finish, p.vx, p.vy);
      return;
    }
    const dx = p.x - d.downX;
    if (!d.active && !isDrag(dx, p.y - d.downY)) return;
    d.active = true;
    const px = c.scale.pxPerDay;
    if (d.zone === 'move' || d.zone === 'resize') {
      const start = d.zone === 'move' ? movedStart(d.task.start, dx, px) : d.task.start;
      const finish =
        d.zone === 'move'
          ? start + (d.task.finish - d.task.start)
          : resizedFinish(d.task.start, d.task.finish, dx, px);
      o.overlay.current = { kind: d.zone, taskId: d.task.id, rowIndex: d.rowIndex, start, finish };
      tooltipAt(d.task, start, finish, p.vx, p.vy);
    } else {
      const hit = hitTest(p.x, p.y, c.rows, c.scale);
      const from = linkHandles(d.bar, DEFAULT_METRICS)[d.zone === 'link-start' ? 'start' : 'finish'];
      const targetIndex = hit !== null && hit.taskId !== d.task.id ? hit.rowIndex : null;
      o.overlay.current = { kind: 'link', from, to: { x: p.x, y: p.y }, targetIndex };
      const target = targetIndex === null ? undefined : c.rows[targetIndex]?.task;
      if (target !== undefined && hit !== null) {
        const type = linkTypeFromEnds(fromEnd(d.zone), nearestEnd(hit.bar, p.x));
        showTooltip(
          o.tooltipRef.current,
          `Link ${type}`,
          [`${d.task.name} → ${target.name}`],
          p.vx + c.gridWidth,
          p.vy + c.headerHeight,
          c.size,
        );
      } else hideTooltip(o.tooltipRef.current);
    }
    o.requestDraw();
  };

  const end = (e: PointerEvent<HTMLCanvasElement>, commit: boolean) => {
    const d = drag.current;
    drag.current = null;
    if (d === null) return;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    const overlay = o.overlay.current;
    o.overlay.current = null;
    hideTooltip(o.tooltipRef.current);
    o.requestDraw();
    if (!commit || !d.active || overlay === null) return;
    const props = o.context.current.props;
    if (overlay.kind === 'move' && overlay.start !== d.task.start) {
      o.setPending(overlay);
      props.onMove?.(d.task.id, overlay.start);
    } else if (overlay.kind === 'resize' && overlay.finish !== d.task.finish) {
      o.setPending(overlay);
      props.onResize?.(d.task.id, overlay.finish);
    } else if (overlay.kind === 'link' && overlay.targetIndex !== null) {
      const c = o.context.current;
      const p = contentPoint(e);
      const hit = hitTest(p.x, p.y, c.rows, c.scale);
      const target = c.rows[overlay.targetIndex]?.task;
      if (target === undefined || hit === null || hit.taskId !== target.id) return;
      props.onLink?.(d.task.id, target.id, linkTypeFromEnds(fromEnd(d.zone), nearestEnd(hit.bar, p.x)));
    }
  };

  /** double-click on a link's line opens it (bars keep priority) */
  const onDoubleClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const c = o.context.current;
    const p = contentPoint(e);
    if (hitTest(p.x, p.y, c.rows, c.scale) !== null) return;
    const link = linkAt(p.x, p.y);
    if (link === null) return;
    hideTooltip(o.tooltipRef.current);
    o.selectLink(link.id);
    c.props.onLinkOpen?.(link.id);
  };

  return {
    onPointerDown,
    onDoubleClick,
    onPointerMove,
    onPointerUp: (e: PointerEvent<HTMLCanvasElement>) => end(e, true),
    onPointerCancel: (e: PointerEvent<HTMLCanvasElement>) => end(e, false),
    onPointerLeave: () => {
      if (drag.current !== null) return;
      hideTooltip(o.tooltipRef.current);
      setHoverLink(null);
      if (o.hoverIndex.current !== -1) {
        o.hoverIndex.current = -1;
        o.requestDraw();
      }
    },
  };
}

function fromEnd(zone: HitZone): BarEnd {
  return zone === 'link-start' ? 'start' : 'finish';
}
