import { barGeometry, linkHandles, type BarGeometry, type GanttMetrics } from '../layout/bar-geometry.ts';
import type { RowLink } from '../layout/link-hit.ts';
import { arrowDirection, linkPath, type Point } from '../layout/link-path.ts';
import { ticksBetween, timeToX, type TimeScale } from '../layout/time-scale.ts';
import { DAY_MS } from '../layout/time.ts';
import type { VisibleRow } from '../layout/visible-rows.ts';
import type { ChartTheme } from './chart-theme.ts';

/** A link between two shown rows (links to hidden rows are not drawn). */
export interface PlacedLink extends RowLink {
  critical: boolean;
}

/** What a drag in progress draws over the chart. */
export type DragOverlay =
  | { kind: 'move' | 'resize'; taskId: string; rowIndex: number; start: number; finish: number }
  | { kind: 'link'; from: Point; to: Point; targetIndex: number | null };

export interface ChartFrame {
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  scrollLeft: number;
  scrollTop: number;
  rows: readonly VisibleRow[];
  scale: TimeScale;
  metrics: GanttMetrics;
  theme: ChartTheme;
  links: readonly PlacedLink[];
  showCritical: boolean;
  showBaseline: boolean;
  today: number | undefined;
  statusDate: number | undefined;
  selectedIndex: number;
  hoverIndex: number;
  /** the selected link is drawn thicker in the focus colour, the hovered one thicker in its own */
  selectedLinkId: string | null;
  hoverLinkId: string | null;
  showHandles: boolean;
  overlay: DragOverlay | null;
}

/**
 * Draws the visible part of the chart: row bands, weekends and grid lines, links, baselines, bars, labels, the
 * today and status-date lines, hover handles and a drag in progress. Only rows (and links touching rows) in
 * the viewport are drawn. Complexity: O(visible rows + links).
 */
export function drawChart(f: ChartFrame): void {
  const { ctx, width, height, scrollLeft: sl, scrollTop: st, rows, scale, metrics: m, theme } = f;
  const rh = m.rowHeight;
  const first = Math.max(0, Math.floor(st / rh));
  const last = Math.min(rows.length, Math.ceil((st + height) / rh));
  ctx.save();
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.translate(-sl, -st);
  const x0 = sl;
  const x1 = sl + width;

  // bands: alternate rows, selection, weekends
  ctx.fillStyle = theme.rowAlt;
  for (let i = first; i < last; i += 1) if (i % 2 === 1) ctx.fillRect(x0, i * rh, width, rh);
  if (scale.pxPerDay >= 8) {
    ctx.fillStyle = theme.weekend;
    for (const tick of ticksBetween(scale, 'day', 'minor', x0, x1)) {
      const weekday = new Date(tick.t).getUTCDay();
      if (weekday === 0 || weekday === 6) ctx.fillRect(tick.x, st, tick.width, height);
    }
  }
  if (f.selectedIndex >= first && f.selectedIndex < last) {
    ctx.fillStyle = theme.selected;
    ctx.fillRect(x0, f.selectedIndex * rh, width, rh);
  }
  ctx.strokeStyle = theme.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of ticksBetween(scale, scale.minor, 'minor', x0, x1)) {
    const x = Math.round(tick.x) + 0.5;
    ctx.moveTo(x, st);
    ctx.lineTo(x, st + height);
  }
  ctx.stroke();

  const bars = new Map<number, BarGeometry>();
  const barAt = (i: number): BarGeometry | null => {
    const cached = bars.get(i);
    if (cached !== undefined) return cached;
    const row = rows[i];
    if (row === undefined) return null;
    const bar = barGeometry(row.task, i, scale, m);
    bars.set(i, bar);
    return bar;
  };

  drawLinks(f, first, last, barAt);
  // set once: assigning a font re-parses it
  ctx.font = `12px ${theme.font}`;
  ctx.textBaseline = 'middle';
  for (let i = first; i < last; i += 1) {
    const row = rows[i];
    const bar = barAt(i);
    if (row === undefined || bar === null) continue;
    if (bar.finishX + 300 < x0 || bar.startX - 20 > x1) continue;
    if (f.showBaseline) drawBaseline(f, row, i);
    drawBar(f, row, bar);
  }
  drawDateLine(ctx, scale, f.statusDate, theme.status, st, height, [6, 4]);
  drawDateLine(ctx, scale, f.today, theme.today, st, height, []);
  if (f.showHandles && f.hoverIndex >= first && f.hoverIndex < last && f.overlay === null) {
    const bar = barAt(f.hoverIndex);
    if (bar !== null) drawHandles(f, bar);
  }
  if (f.overlay !== null) drawOverlay(f, barAt);
  ctx.restore();
}

function drawLinks(
  f: ChartFrame,
  first: number,
  last: number,
  barAt: (i: number) => BarGeometry | null,
): void {
  const { ctx, theme, metrics: m } = f;
  const normal = new Path2D();
  const critical = new Path2D();
  const normalHeads = new Path2D();
  const criticalHeads = new Path2D();
  // at most two links are emphasised: drawn last, over the others
  const emphasised: { path: Point[]; color: string }[] = [];
  const x0 = f.scrollLeft;
  const x1 = f.scrollLeft + f.width;
  for (const link of f.links) {
    const lo = Math.min(link.fromIndex, link.toIndex);
    const hi = Math.max(link.fromIndex, link.toIndex);
    if (hi < first - 1 || lo > last) continue;
    const from = barAt(link.fromIndex);
    const to = barAt(link.toIndex);
    if (from === null || to === null) continue;
    // cheap horizontal cull: the route stays within both bars' span plus the turns
    const left = Math.min(from.startX, to.startX) - 20;
    const right = Math.max(from.finishX, to.finishX) + 20;
    if (right < x0 || left > x1) continue;
    const path = linkPath(link.type, from, to, m.rowHeight);
    const isCritical = f.showCritical && link.critical;
    if (link.id === f.selectedLinkId || link.id === f.hoverLinkId) {
      const color = link.id === f.selectedLinkId ? theme.focus : isCritical ? theme.critical : theme.link;
      emphasised.push({ path, color });
      continue;
    }
    const target = isCritical ? critical : normal;
    const p0 = path[0];
    if (p0 === undefined) continue;
    target.moveTo(Math.round(p0.x) + 0.5, Math.round(p0.y) + 0.5);
    for (let k = 1; k < path.length; k += 1) {
      const p = path[k];
      if (p !== undefined) target.lineTo(Math.round(p.x) + 0.5, Math.round(p.y) + 0.5);
    }
    const end = path[path.length - 1];
    if (end !== undefined) arrowHead(isCritical ? criticalHeads : normalHeads, end, arrowDirection(path));
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.link;
  ctx.stroke(normal);
  ctx.fillStyle = theme.link;
  ctx.fill(normalHeads);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.critical;
  ctx.stroke(critical);
  ctx.fillStyle = theme.critical;
  ctx.fill(criticalHeads);
  for (const e of emphasised) drawEmphasisedLink(ctx, e.path, e.color);
}

function drawEmphasisedLink(ctx: CanvasRenderingContext2D, path: readonly Point[], color: string): void {
  const line = new Path2D();
  const head = new Path2D();
  path.forEach((p, k) => {
    const x = Math.round(p.x) + 0.5;
    const y = Math.round(p.y) + 0.5;
    if (k === 0) line.moveTo(x, y);
    else line.lineTo(x, y);
  });
  const end = path[path.length - 1];
  if (end !== undefined) arrowHead(head, end, arrowDirection(path));
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = color;
  ctx.stroke(line);
  ctx.fillStyle = color;
  ctx.fill(head);
  ctx.stroke(head);
}

function arrowHead(path: Path2D, tip: Point, dir: 1 | -1): void {
  const x = Math.round(tip.x) + 0.5;
  const y = Math.round(tip.y) + 0.5;
  path.moveTo(x, y);
  path.lineTo(x - dir * 6, y - 4);
  path.lineTo(x - dir * 6, y + 4);
  path.closePath();
}

function drawBaseline(f: ChartFrame, row: VisibleRow, i: number): void {
  const t = row.task;
  if (t.baselineStart === undefined || t.baselineFinish === undefined) return;
  const { ctx, scale, metrics: m } = f;
  const cy = i * m.rowHeight + m.rowHeight / 2;
  const xs = timeToX(scale, t.baselineStart);
  const xf = Math.max(timeToX(scale, t.baselineFinish), xs + 2);
  ctx.fillStyle = f.theme.baseline;
  const y = cy + m.barHeight / 2 + 2;
  if (t.kind === 'milestone') {
    diamond(ctx, xs, y + 3, 4);
    ctx.fill();
  } else ctx.fillRect(xs, y, xf - xs, 4);
}

function drawBar(f: ChartFrame, row: VisibleRow, bar: BarGeometry): void {
  const { ctx, theme, metrics: m } = f;
  const t = row.task;
  const critical = f.showCritical && t.critical;
  if (bar.kind === 'milestone') {
    ctx.fillStyle = critical ? theme.critical : theme.milestone;
    diamond(ctx, bar.x0, bar.cy, m.milestoneSize / 2);
    ctx.fill();
  } else if (bar.kind === 'summary') {
    ctx.fillStyle = critical ? theme.critical : theme.summary;
    const w = bar.x1 - bar.x0;
    ctx.fillRect(bar.x0, bar.y, w, bar.height);
    const tip = Math.min(6, w / 2);
    ctx.beginPath();
    ctx.moveTo(bar.x0, bar.y + bar.height);
    ctx.lineTo(bar.x0 + tip, bar.y + bar.height);
    ctx.lineTo(bar.x0, bar.y + bar.height + 6);
    ctx.closePath();
    ctx.moveTo(bar.x1, bar.y + bar.height);
    ctx.lineTo(bar.x1 - tip, bar.y + bar.height);
    ctx.lineTo(bar.x1, bar.y + bar.height + 6);
    ctx.closePath();
    ctx.fill();
  } else {
    const w = bar.x1 - bar.x0;
    ctx.fillStyle = critical ? theme.critical : theme.bar;
    roundRect(ctx, bar.x0, bar.y, w, bar.height, 3);
    ctx.fill();
    if (t.progress > 0) {
      ctx.fillStyle = critical ? theme.criticalProgress : theme.barProgress;
      const pw = (w * Math.min(100, t.progress)) / 100;
      roundRect(ctx, bar.x0, bar.y + bar.height / 2 - 3, pw, 6, 2);
      ctx.fill();
    }
  }
  let labelX = bar.finishX + m.handleOffset + m.handleRadius + 4;
  if (t.alert !== undefined) {
    drawAlertMark(ctx, labelX + ALERT_RADIUS, bar.cy, theme);
    labelX += 2 * ALERT_RADIUS + 4;
  }
  ctx.fillStyle = theme.fg;
  ctx.fillText(t.name, labelX, bar.cy);
}

const ALERT_RADIUS = 6;

/** A red disc with a white "!" before the task's name: something is broken on it now (a build, an incident). */
function drawAlertMark(ctx: CanvasRenderingContext2D, cx: number, cy: number, theme: ChartTheme): void {
  ctx.fillStyle = theme.critical;
  ctx.beginPath();
  ctx.arc(cx, cy, ALERT_RADIUS, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.fillRect(cx - 1, cy - 3.5, 2, 4.5);
  ctx.fillRect(cx - 1, cy + 2, 2, 1.5);
}

function drawHandles(f: ChartFrame, bar: BarGeometry): void {
  const { ctx, theme, metrics: m } = f;
  const h = linkHandles(bar, m);
  ctx.fillStyle = theme.bg;
  ctx.strokeStyle = theme.focus;
  ctx.lineWidth = 1.5;
  for (const p of [h.start, h.finish]) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, m.handleRadius, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  if (bar.kind === 'task') {
    ctx.fillStyle = theme.focus;
    ctx.fillRect(bar.x1 - 2, bar.y + 2, 2, bar.height - 4);
  }
}

function drawOverlay(f: ChartFrame, barAt: (i: number) => BarGeometry | null): void {
  const { ctx, theme, metrics: m, overlay } = f;
  if (overlay === null) return;
  if (overlay.kind === 'link') {
    if (overlay.targetIndex !== null) {
      const target = barAt(overlay.targetIndex);
      if (target !== null) {
        ctx.strokeStyle = theme.focus;
        ctx.lineWidth = 2;
        ctx.strokeRect(
          target.startX - 3,
          target.cy - m.barHeight / 2 - 3,
          target.finishX - target.startX + 6,
          m.barHeight + 6,
        );
      }
    }
    ctx.strokeStyle = theme.focus;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(overlay.from.x, overlay.from.y);
    ctx.lineTo(overlay.to.x, overlay.to.y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.focus;
    ctx.beginPath();
    ctx.arc(overlay.to.x, overlay.to.y, 3, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  const row = f.rows[overlay.rowIndex];
  if (row === undefined || row.task.id !== overlay.taskId) return;
  const ghost = barGeometry(
    { kind: row.task.kind, start: overlay.start, finish: overlay.finish },
    overlay.rowIndex,
    f.scale,
    m,
  );
  ctx.fillStyle = theme.ghost;
  ctx.strokeStyle = theme.focus;
  ctx.lineWidth = 1;
  if (ghost.kind === 'milestone') {
    diamond(ctx, ghost.x0, ghost.cy, m.milestoneSize / 2);
  } else {
    roundRect(ctx, ghost.x0, ghost.cy - m.barHeight / 2, ghost.x1 - ghost.x0, m.barHeight, 3);
  }
  ctx.fill();
  ctx.stroke();
}

function drawDateLine(
  ctx: CanvasRenderingContext2D,
  scale: TimeScale,
  t: number | undefined,
  color: string,
  top: number,
  height: number,
  dash: number[],
): void {
  if (t === undefined || t < scale.origin || t > scale.end + DAY_MS) return;
  const x = Math.round(timeToX(scale, t)) + 0.5;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, top + height);
  ctx.stroke();
  ctx.setLineDash([]);
}

function diamond(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(cx, cy - r);
  ctx.lineTo(cx + r, cy);
  ctx.lineTo(cx, cy + r);
  ctx.lineTo(cx - r, cy);
  ctx.closePath();
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, Math.max(w, 1), h, Math.min(r, w / 2, h / 2));
}
