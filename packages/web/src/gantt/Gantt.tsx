import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { GanttProps } from './types.ts';
import { DEFAULT_METRICS } from './layout/bar-geometry.ts';
import { gridKeyAction } from './layout/grid-keys.ts';
import { createTimeScale, stepZoom, timeToX, xToTime, type TimeScale } from './layout/time-scale.ts';
import { DAY_MS, startOfDay } from './layout/time.ts';
import { scrollTopToReveal } from './layout/viewport.ts';
import { buildRowModel, taskTimeRange } from './layout/visible-rows.ts';
import { readChartTheme, type ChartTheme } from './render/chart-theme.ts';
import { drawChart, type DragOverlay, type PlacedLink } from './render/draw-chart.ts';
import { drawHeader } from './render/draw-header.ts';
import { ensureGanttStyles } from './render/gantt-styles.ts';
import { GRID_WIDTH, isEditable, type EditableField } from './grid-columns.ts';
import { GanttGrid } from './GanttGrid.tsx';
import { useChartPointer, type PointerContext } from './useChartPointer.ts';

const M = DEFAULT_METRICS;
const HEADER_HEIGHT = 48;
/** the grid re-renders only when scrolling crosses a chunk of this many rows */
const CHUNK = 16;
const OVERSCAN = 6;

function sizeCanvas(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  if (canvas === null || width <= 0 || height <= 0) return null;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d', { alpha: false });
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * Tandem's Gantt chart: a task tree grid on the left and a canvas time chart on the right, sharing one native
 * scroll container. Only the rows in view are rendered (grid rows as DOM, bars and links drawn on canvas).
 */
export function Gantt(props: GanttProps) {
  ensureGanttStyles();
  const { tasks, links, zoom, collapsed } = props;
  const idPrefix = `tg${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<HTMLCanvasElement>(null);
  const headerRef = useRef<HTMLCanvasElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const themeRef = useRef<ChartTheme | null>(null);
  const overlay = useRef<DragOverlay | null>(null);
  const pending = useRef<DragOverlay | null>(null);
  const hoverIndex = useRef(-1);
  const painted = useRef(false);
  const prevScale = useRef<TimeScale | null>(null);
  const zoomAnchor = useRef<{ t: number; offset: number } | null>(null);
  const initialScroll = useRef(false);

  const [size, setSize] = useState({ width: 0, height: 0 });
  const [chunk, setChunk] = useState(0);
  const [editing, setEditing] = useState<{ taskId: string; field: EditableField } | null>(null);
  const [innerSelected, setInnerSelected] = useState<string | null>(null);
  const selectedId = props.selectedId !== undefined ? props.selectedId : innerSelected;

  const model = useMemo(() => buildRowModel(tasks, collapsed), [tasks, collapsed]);
  const range = useMemo(() => taskTimeRange(tasks), [tasks]);
  const chartWidth = Math.max(0, size.width - GRID_WIDTH);
  const bodyHeight = Math.max(0, size.height - HEADER_HEIGHT);
  const fallback = props.today ?? startOfDay(Date.now());
  const scale = useMemo(
    () =>
      createTimeScale(zoom, range?.start ?? fallback, range?.finish ?? fallback + 30 * DAY_MS, chartWidth),
    [zoom, range, fallback, chartWidth],
  );
  const placedLinks = useMemo(() => {
    const placed: PlacedLink[] = [];
    for (const link of links) {
      const fromIndex = model.indexById.get(link.from);
      const toIndex = model.indexById.get(link.to);
      if (fromIndex === undefined || toIndex === undefined) continue;
      const critical =
        model.taskById.get(link.from)?.critical === true && model.taskById.get(link.to)?.critical === true;
      placed.push({ type: link.type, fromIndex, toIndex, critical });
    }
    return placed;
  }, [links, model]);

  const rows = model.rows;
  const selectedIndex = selectedId === null ? -1 : (model.indexById.get(selectedId) ?? -1);
  const visibleCount = Math.ceil(bodyHeight / M.rowHeight) + 1;
  const first = Math.max(0, chunk * CHUNK - OVERSCAN);
  const last = Math.min(rows.length, chunk * CHUNK + visibleCount + CHUNK + OVERSCAN);

  const context = useRef<PointerContext>({
    rows,
    scale,
    props,
    size,
    gridWidth: GRID_WIDTH,
    headerHeight: HEADER_HEIGHT,
  });
  context.current = { rows, scale, props, size, gridWidth: GRID_WIDTH, headerHeight: HEADER_HEIGHT };
  const frame = useRef({ rows, scale, placedLinks, props, size, selectedIndex });
  frame.current = { rows, scale, placedLinks, props, size, selectedIndex };

  const draw = useCallback(() => {
    const f = frame.current;
    const sc = scrollerRef.current;
    const root = rootRef.current;
    if (sc === null || root === null) return;
    if (themeRef.current === null) themeRef.current = readChartTheme(root);
    const theme = themeRef.current;
    const cw = f.size.width - GRID_WIDTH;
    const ch = f.size.height - HEADER_HEIGHT;
    const common = {
      scrollLeft: sc.scrollLeft,
      scale: f.scale,
      theme,
      today: f.props.today,
      statusDate: f.props.statusDate,
    };
    const header = sizeCanvas(headerRef.current, cw, HEADER_HEIGHT);
    if (header !== null) drawHeader({ ...common, ctx: header, width: cw, height: HEADER_HEIGHT });
    const ctx = sizeCanvas(chartRef.current, cw, ch);
    if (ctx === null) return;
    drawChart({
      ...common,
      ctx,
      width: cw,
      height: ch,
      scrollTop: sc.scrollTop,
      rows: f.rows,
      metrics: M,
      links: f.placedLinks,
      showCritical: f.props.showCriticalPath !== false,
      showBaseline: f.props.showBaseline === true,
      selectedIndex: f.selectedIndex,
      hoverIndex: hoverIndex.current,
      showHandles: f.props.readOnly !== true,
      overlay: overlay.current ?? pending.current,
    });
  }, []);

  const drawRequested = useRef(false);
  const requestDraw = useCallback(() => {
    if (drawRequested.current) return;
    drawRequested.current = true;
    requestAnimationFrame(() => {
      drawRequested.current = false;
      draw();
    });
  }, [draw]);

  const onScroll = useCallback(() => {
    const sc = scrollerRef.current;
    if (sc === null) return;
    if (rowsRef.current !== null) rowsRef.current.style.transform = `translateY(${-sc.scrollTop}px)`;
    draw();
    setChunk(Math.floor(sc.scrollTop / M.rowHeight / CHUNK));
  }, [draw]);

  // measure the viewport, and follow its size
  useLayoutEffect(() => {
    const sc = scrollerRef.current;
    if (sc === null) return;
    const measure = () => setSize({ width: sc.clientWidth, height: sc.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(sc);
    return () => ro.disconnect();
  }, []);

  // light/dark follows data-theme / data-mantine-color-scheme on any ancestor
  useEffect(() => {
    const mo = new MutationObserver(() => {
      themeRef.current = null;
      requestDraw();
    });
    mo.observe(document.documentElement, {
      attributes: true,
      subtree: true,
      attributeFilter: ['data-theme', 'data-mantine-color-scheme'],
    });
    return () => mo.disconnect();
  }, [requestDraw]);

  // a drop stays drawn as a ghost until the re-scheduled tasks arrive
  useEffect(() => {
    pending.current = null;
  }, [tasks]);

  // keep the time under the anchor (the pointer for Ctrl+wheel, else the centre) when the scale changes
  useLayoutEffect(() => {
    const sc = scrollerRef.current;
    const prev = prevScale.current;
    prevScale.current = scale;
    if (sc === null || chartWidth <= 0) return;
    if (!initialScroll.current && range !== null) {
      initialScroll.current = true;
      sc.scrollLeft = Math.max(0, timeToX(scale, range.start) - 40);
    } else if (prev !== null && (prev.origin !== scale.origin || prev.pxPerDay !== scale.pxPerDay)) {
      const anchor = zoomAnchor.current ?? {
        t: xToTime(prev, sc.scrollLeft + chartWidth / 2),
        offset: chartWidth / 2,
      };
      zoomAnchor.current = null;
      sc.scrollLeft = Math.max(0, timeToX(scale, anchor.t) - anchor.offset);
    }
  }, [scale, chartWidth, range]);

  // draw after every render (data, size, selection or options changed)
  useLayoutEffect(() => {
    if (rowsRef.current !== null && scrollerRef.current !== null) {
      rowsRef.current.style.transform = `translateY(${-scrollerRef.current.scrollTop}px)`;
    }
    draw();
    if (!painted.current && rows.length > 0 && size.width > 0) {
      painted.current = true;
      const onPainted = props.onPainted;
      if (onPainted !== undefined) requestAnimationFrame(() => onPainted());
    }
  });

  // Ctrl/⌘ + wheel zooms around the pointer (a non-passive listener, so the page does not zoom)
  useEffect(() => {
    const sc = scrollerRef.current;
    if (sc === null) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const c = context.current;
      const onZoom = c.props.onZoomChange;
      if (onZoom === undefined || e.deltaY === 0) return;
      const next = stepZoom(c.props.zoom, e.deltaY > 0 ? 1 : -1);
      if (next === c.props.zoom) return;
      const offset = Math.max(0, e.clientX - sc.getBoundingClientRect().left - GRID_WIDTH);
      zoomAnchor.current = { t: xToTime(c.scale, sc.scrollLeft + offset), offset };
      onZoom(next);
    };
    sc.addEventListener('wheel', onWheel, { passive: false });
    return () => sc.removeEventListener('wheel', onWheel);
  }, []);

  const reveal = useCallback((index: number) => {
    const sc = scrollerRef.current;
    if (sc === null) return;
    const body = frame.current.size.height - HEADER_HEIGHT;
    sc.scrollTop = scrollTopToReveal(index, sc.scrollTop, body, M.rowHeight);
  }, []);

  const select = useCallback((taskId: string | null) => {
    setInnerSelected(taskId);
    frame.current.props.onSelect?.(taskId);
  }, []);

  useImperativeHandle(
    props.ref,
    () => ({
      scrollToDate: (t: number) => {
        const sc = scrollerRef.current;
        if (sc !== null) sc.scrollLeft = Math.max(0, timeToX(context.current.scale, t) - 80);
      },
      scrollToTask: (taskId: string) => {
        const index = model.indexById.get(taskId);
        const task = model.taskById.get(taskId);
        if (index === undefined || task === undefined) return;
        reveal(index);
        const sc = scrollerRef.current;
        if (sc !== null) sc.scrollLeft = Math.max(0, timeToX(context.current.scale, task.start) - 80);
      },
    }),
    [model, reveal],
  );

  const onSelectRow = useCallback(
    (index: number) => {
      const task = frame.current.rows[index]?.task;
      if (task !== undefined) select(task.id);
    },
    [select],
  );
  const onToggle = useCallback((taskId: string) => frame.current.props.onToggleCollapse?.(taskId), []);
  const onStartEdit = useCallback(
    (index: number, field: EditableField) => {
      const task = frame.current.rows[index]?.task;
      if (task === undefined) return;
      select(task.id);
      setEditing({ taskId: task.id, field });
    },
    [select],
  );
  const editingRef = useRef(editing);
  editingRef.current = editing;
  const onCommitEdit = useCallback((value: string | null) => {
    const e = editingRef.current;
    setEditing(null);
    gridRef.current?.focus();
    if (e !== null && value !== null && value !== '') frame.current.props.onEdit?.(e.taskId, e.field, value);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null || e.target !== e.currentTarget) return;
    const action = gridKeyAction(e.key, selectedIndex, rows, collapsed, Math.max(1, visibleCount - 2));
    if (action === null) return;
    e.preventDefault();
    if (action.kind === 'select') {
      const task = rows[action.index]?.task;
      if (task === undefined) return;
      select(task.id);
      reveal(action.index);
    } else if (action.kind === 'toggle') props.onToggleCollapse?.(action.taskId);
    else if (!props.readOnly) {
      const task = rows[action.index]?.task;
      if (task !== undefined && isEditable(task, 'name')) setEditing({ taskId: task.id, field: 'name' });
    }
  };

  const pointer = useChartPointer({
    canvasRef: chartRef,
    scrollerRef,
    tooltipRef,
    context,
    overlay,
    hoverIndex,
    requestDraw,
    select,
    setPending: (o) => {
      pending.current = o;
    },
  });

  const editingIndex = editing === null ? undefined : model.indexById.get(editing.taskId);
  return (
    <div ref={rootRef} className="tgantt" data-testid="gantt">
      <div ref={scrollerRef} className="tgantt-scroller" onScroll={onScroll}>
        <div
          className="tgantt-content"
          style={{ width: GRID_WIDTH + scale.width, height: HEADER_HEIGHT + rows.length * M.rowHeight }}
        >
          <div className="tgantt-layer">
            <GanttGrid
              idPrefix={idPrefix}
              rows={rows}
              first={first}
              last={last}
              rowHeight={M.rowHeight}
              headerHeight={HEADER_HEIGHT}
              height={size.height}
              selectedIndex={selectedIndex}
              collapsed={collapsed}
              editing={
                editing !== null && editingIndex !== undefined
                  ? { index: editingIndex, field: editing.field }
                  : null
              }
              readOnly={props.readOnly === true}
              ariaLabel={props.ariaLabel ?? 'Tasks'}
              gridRef={gridRef}
              rowsRef={rowsRef}
              onKeyDown={onKeyDown}
              onSelectRow={onSelectRow}
              onToggle={onToggle}
              onStartEdit={onStartEdit}
              onCommitEdit={onCommitEdit}
            />
            <canvas
              ref={headerRef}
              className="tgantt-canvas"
              aria-hidden="true"
              style={{ left: GRID_WIDTH, top: 0 }}
            />
            <canvas
              ref={chartRef}
              className="tgantt-canvas"
              role="img"
              aria-label={`Gantt chart of ${rows.length} tasks; bar dates are read with each task row`}
              data-testid="gantt-chart"
              style={{ left: GRID_WIDTH, top: HEADER_HEIGHT }}
              {...pointer}
            />
            <div
              ref={tooltipRef}
              className="tgantt-tooltip"
              role="tooltip"
              style={{ left: 0, top: 0, display: 'none' }}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
