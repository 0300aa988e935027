import { ticksBetween, timeToX, type TimeScale } from '../layout/time-scale.ts';
import type { ChartTheme } from './chart-theme.ts';

export interface HeaderFrame {
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  scrollLeft: number;
  scale: TimeScale;
  theme: ChartTheme;
  today: number | undefined;
  statusDate: number | undefined;
}

/** The two-tier time scale above the chart; upper-tier labels stick to the left edge while their period shows. */
export function drawHeader(f: HeaderFrame): void {
  const { ctx, width, height, scrollLeft: sl, scale, theme } = f;
  const tier = height / 2;
  ctx.save();
  ctx.fillStyle = theme.headerBg;
  ctx.fillRect(0, 0, width, height);
  ctx.translate(-sl, 0);
  ctx.font = `12px ${theme.font}`;
  ctx.textBaseline = 'middle';
  ctx.strokeStyle = theme.lineStrong;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(sl, tier + 0.5);
  ctx.lineTo(sl + width, tier + 0.5);
  ctx.moveTo(sl, height - 0.5);
  ctx.lineTo(sl + width, height - 0.5);
  ctx.stroke();

  ctx.fillStyle = theme.fg;
  ctx.beginPath();
  for (const tick of ticksBetween(scale, scale.major, 'major', sl, sl + width)) {
    const x = Math.round(tick.x) + 0.5;
    ctx.moveTo(x, 0);
    ctx.lineTo(x, tier);
    const textWidth = ctx.measureText(tick.label).width;
    const labelX = Math.min(Math.max(tick.x, sl) + 6, tick.x + tick.width - textWidth - 6);
    if (tick.width > textWidth + 8) ctx.fillText(tick.label, labelX, tier / 2);
  }
  ctx.stroke();

  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  ctx.font = `11px ${theme.font}`;
  ctx.beginPath();
  for (const tick of ticksBetween(scale, scale.minor, 'minor', sl, sl + width)) {
    const x = Math.round(tick.x) + 0.5;
    ctx.moveTo(x, tier);
    ctx.lineTo(x, height);
    // a label that does not fit falls back to its last word (the day's number)
    const label =
      tick.width > ctx.measureText(tick.label).width + 2 ? tick.label : (tick.label.split(' ').pop() ?? '');
    if (tick.width > ctx.measureText(label).width + 2)
      ctx.fillText(label, tick.x + tick.width / 2, tier + tier / 2);
  }
  ctx.strokeStyle = theme.line;
  ctx.stroke();
  ctx.textAlign = 'start';

  for (const [t, color] of [
    [f.statusDate, theme.status],
    [f.today, theme.today],
  ] as const) {
    if (t === undefined) continue;
    const x = timeToX(scale, t);
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.moveTo(x - 5, height - 6);
    ctx.lineTo(x + 5, height - 6);
    ctx.lineTo(x, height);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}
