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
import { flushSync } from 'react-dom';
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
import { BarHotspots } from './BarHotspots.tsx';
import { LinkHotspots } from './LinkHotspots.tsx';
import { GanttGrid } from './GanttGrid.tsx';
import { useChartPointer, type PointerContext } from './useChartPointer.ts';
import { useLinkSelection } from './useLinkSelection.ts';

const M = DEFAULT_METRICS;
const HEADER_HEIGHT = 48;
/** rows rendered beyond each edge of the viewport */
const OVERSCAN = 3;

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

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
  const barsRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const themeRef = useRef<ChartTheme | null>(null);
  const overlay = useRef<DragOverlay | null>(null);
  const pending = useRef<DragOverlay | null>(null);
  const hoverIndex = useRef(-1);
  const hoverLink = useRef<string | null>(null);
  // the scroll position as of the last scroll event: reading it back after React changed the DOM would force
  // a synchronous layout in every frame
  const scrollPos = useRef({ top: 0, left: 0 });
  const painted = useRef(false);
  const prevScale = useRef<TimeScale | null>(null);
  const zoomAnchor = useRef<{ t: number; offset: number } | null>(null);
  const initialScroll = useRef(false);

  const [size, setSize] = useState({ width: 0, height: 0 });
  const [topRow, setTopRow] = useState(0);
  const topRowRef = useRef(0);
  topRowRef.current = topRow;
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
      placed.push({ id: link.id, type: link.type, fromIndex, toIndex, critical });
    }
    return placed;
  }, [links, model]);

  const rows = model.rows;
  const linkSelection = useLinkSelection(props, placedLinks, rows);
  const { selectedLinkId, selectLink } = linkSelection;
  const selectedIndex = selectedId === null ? -1 : (model.indexById.get(selectedId) ?? -1);
  const visibleCount = Math.ceil(bodyHeight / M.rowHeight) + 1;
  const first = Math.max(0, topRow - OVERSCAN);
  const last = Math.min(rows.length, topRow + visibleCount + OVERSCAN);
  const slots = visibleCount + 2 * OVERSCAN;

  const context = useRef<PointerContext>({
    rows,
    links: placedLinks,
    scale,
    props,
    size,
    gridWidth: GRID_WIDTH,
    headerHeight: HEADER_HEIGHT,
  });
  context.current = {
    rows,
    links: placedLinks,
    scale,
    props,
    size,
    gridWidth: GRID_WIDTH,
    headerHeight: HEADER_HEIGHT,
  };
  const frame = useRef({ rows, scale, placedLinks, props, size, selectedIndex, selectedLinkId });
  frame.current = { rows, scale, placedLinks, props, size, selectedIndex, selectedLinkId };

  // what the canvases were last drawn from: a frame whose inputs did not change is not drawn again
  const drawnHeader = useRef<unknown[]>([]);
  const drawnChart = useRef<unknown[]>([]);
  const draw = useCallback(() => {
    const f = frame.current;
    const root = rootRef.current;
    if (root === null) return;
    if (themeRef.current === null) themeRef.current = readChartTheme(root);
    const theme = themeRef.current;
    const cw = f.size.width - GRID_WIDTH;
    const ch = f.size.height - HEADER_HEIGHT;
    const { left, top } = scrollPos.current;
    const common = {
      scrollLeft: left,
      scale: f.scale,
      theme,
      today: f.props.today,
      statusDate: f.props.statusDate,
    };
    const headerInputs = [cw, left, f.scale, theme, f.props.today, f.props.statusDate];
    if (!sameInputs(headerInputs, drawnHeader.current)) {
      drawnHeader.current = headerInputs;
      const header = sizeCanvas(headerRef.current, cw, HEADER_HEIGHT);
      if (header !== null) drawHeader({ ...common, ctx: header, width: cw, height: HEADER_HEIGHT });
    }
    const activeOverlay = overlay.current ?? pending.current;
    const chartInputs = [
      ...headerInputs,
      ch,
      top,
      f.rows,
      f.placedLinks,
      f.selectedIndex,
      f.props.showCriticalPath,
      f.props.showBaseline,
      f.props.readOnly,
      hoverIndex.current,
      f.selectedLinkId,
      hoverLink.current,
      activeOverlay,
    ];
    if (sameInputs(chartInputs, drawnChart.current)) return;
    drawnChart.current = chartInputs;
    const ctx = sizeCanvas(chartRef.current, cw, ch);
    if (ctx === null) return;
    drawChart({
      ...common,
      ctx,
      width: cw,
      height: ch,
      scrollTop: scrollPos.current.top,
      rows: f.rows,
      metrics: M,
      links: f.placedLinks,
      showCritical: f.props.showCriticalPath !== false,
      showBaseline: f.props.showBaseline === true,
      selectedIndex: f.selectedIndex,
      hoverIndex: hoverIndex.current,
      selectedLinkId: f.selectedLinkId,
      hoverLinkId: hoverLink.current,
      showHandles: f.props.readOnly !== true,
      overlay: activeOverlay,
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

  const follow = useCallback(() => {
    const { top, left } = scrollPos.current;
    if (rowsRef.current !== null) rowsRef.current.style.transform = `translateY(${-top}px)`;
    if (barsRef.current !== null) barsRef.current.style.transform = `translate(${-left}px, ${-top}px)`;
  }, []);

  /** Programmatic scrolling: the new position is known at once (the scroll event follows later). */
  const scrollTo = useCallback((pos: { left?: number; top?: number }) => {
    const sc = scrollerRef.current;
    if (sc === null) return;
    if (pos.left !== undefined) sc.scrollLeft = pos.left;
    if (pos.top !== undefined) sc.scrollTop = pos.top;
    scrollPos.current = { top: sc.scrollTop, left: sc.scrollLeft };
  }, []);

  const onScroll = useCallback(() => {
    const sc = scrollerRef.current;
    if (sc === null) return;
    scrollPos.current = { top: sc.scrollTop, left: sc.scrollLeft };
    follow();
    draw();
    // render the grid's new rows now, in this frame: they appear with the canvas, and the DOM is not left dirty
    // for the next scroll event to force a layout
    const nextTop = Math.floor(scrollPos.current.top / M.rowHeight);
    if (nextTop !== topRowRef.current) flushSync(() => setTopRow(nextTop));
  }, [draw, follow]);

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
      themeRef.current = null; // read again: the next draw sees a new theme object and repaints
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
  }, [tasks, collapsed]);

  // keep the time under the anchor (the pointer for Ctrl+wheel, else the centre) when the scale changes
  useLayoutEffect(() => {
    const sc = scrollerRef.current;
    const prev = prevScale.current;
    prevScale.current = scale;
    if (sc === null || chartWidth <= 0) return;
    if (!initialScroll.current && range !== null) {
      initialScroll.current = true;
      scrollTo({ left: Math.max(0, timeToX(scale, range.start) - 40) });
    } else if (prev !== null && (prev.origin !== scale.origin || prev.pxPerDay !== scale.pxPerDay)) {
      const anchor = zoomAnchor.current ?? {
        t: xToTime(prev, scrollPos.current.left + chartWidth / 2),
        offset: chartWidth / 2,
      };
      zoomAnchor.current = null;
      scrollTo({ left: Math.max(0, timeToX(scale, anchor.t) - anchor.offset) });
    }
  }, [scale, chartWidth, range, scrollTo]);

  // draw after every render (data, size, selection or options changed)
  useLayoutEffect(() => {
    follow();
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
      zoomAnchor.current = { t: xToTime(c.scale, scrollPos.current.left + offset), offset };
      onZoom(next);
    };
    sc.addEventListener('wheel', onWheel, { passive: false });
    return () => sc.removeEventListener('wheel', onWheel);
  }, []);

  const reveal = useCallback(
    (index: number) => {
      const sc = scrollerRef.current;
      if (sc === null) return;
      const body = frame.current.size.height - HEADER_HEIGHT;
      scrollTo({ top: scrollTopToReveal(index, scrollPos.current.top, body, M.rowHeight) });
    },
    [scrollTo],
  );

  const select = useCallback((taskId: string | null) => {
    setInnerSelected(taskId);
    frame.current.props.onSelect?.(taskId);
  }, []);

  useImperativeHandle(
    props.ref,
    () => ({
      scrollToDate: (t: number) => {
        scrollTo({ left: Math.max(0, timeToX(context.current.scale, t) - 80) });
      },
      scrollToTask: (taskId: string) => {
        const index = model.indexById.get(taskId);
        const task = model.taskById.get(taskId);
        if (index === undefined || task === undefined) return;
        reveal(index);
        scrollTo({ left: Math.max(0, timeToX(context.current.scale, task.start) - 80) });
      },
    }),
    [model, reveal, scrollTo],
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
    hoverLink,
    requestDraw,
    select,
    selectLink,
    setPending: (o) => {
      pending.current = o;
      // if no new tasks come (the write was refused or failed), the ghost goes after a few seconds
      setTimeout(() => {
        if (pending.current !== o) return;
        pending.current = null;
        requestDraw();
      }, 4000);
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
              slots={slots}
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
              tabIndex={-1}
              style={{ left: GRID_WIDTH, top: HEADER_HEIGHT }}
              onKeyDown={linkSelection.onLinkKeyDown}
              {...pointer}
            />
            <div
              className="tgantt-bars"
              aria-hidden="true"
              style={{ left: GRID_WIDTH, top: HEADER_HEIGHT, width: chartWidth, height: bodyHeight }}
            >
              <div ref={barsRef} style={{ position: 'relative', willChange: 'transform' }}>
                <BarHotspots
                  rows={rows}
                  first={first}
                  last={last}
                  scale={scale}
                  metrics={M}
                  slots={slots}
                  showCritical={props.showCriticalPath !== false}
                />
                <LinkHotspots
                  links={placedLinks}
                  rows={rows}
                  first={first}
                  last={last}
                  scale={scale}
                  metrics={M}
                  selectedLinkId={selectedLinkId}
                />
              </div>
            </div>
            <div
              ref={tooltipRef}
              className="tgantt-tooltip"
              role="tooltip"
              style={{ left: 0, top: 0, display: 'none' }}
            />
            <div className="tgantt-sr" aria-live="polite" data-testid="gantt-announcer">
              {linkSelection.announcement}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
