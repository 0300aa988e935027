// The chart's own CSS, injected once, so that it renders standalone (no Mantine provider, no CSS loader).
// Colours are CSS variables on `.tgantt`: light by default, dark under an ancestor with data-theme="dark" or
// Mantine's data-mantine-color-scheme="dark". An app may override any variable.

const CSS = `
.tgantt {
  --tg-bg: #ffffff; --tg-fg: #1f2328; --tg-muted: #59636e; --tg-line: #e3e6ea; --tg-line-strong: #c9ced4;
  --tg-row-alt: #fafbfc; --tg-weekend: #f1f3f5; --tg-header-bg: #f6f8fa; --tg-selected: #dbeafe;
  --tg-hover: #f0f4f8; --tg-focus: #2563eb;
  --tg-bar: #4c8bf5; --tg-bar-progress: #1d4ed8; --tg-critical: #e5484d; --tg-critical-progress: #b4232a;
  --tg-summary: #3b4450; --tg-milestone: #7c3aed; --tg-baseline: #a8b0ba; --tg-link: #7b8794;
  --tg-today: #f59f00; --tg-status: #0ca678; --tg-ghost: rgba(37, 99, 235, 0.35); --tg-tooltip-bg: #1f2328;
  --tg-tooltip-fg: #ffffff; --tg-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  position: relative; overflow: hidden; background: var(--tg-bg); color: var(--tg-fg); font-family: var(--tg-font);
  font-size: 13px; height: 100%; min-height: 200px; box-sizing: border-box; color-scheme: light;
}
[data-theme='dark'] .tgantt, [data-mantine-color-scheme='dark'] .tgantt, .tgantt[data-theme='dark'] {
  --tg-bg: #1a1b1e; --tg-fg: #e6e8eb; --tg-muted: #a0a8b2; --tg-line: #2c2e33; --tg-line-strong: #3f434a;
  --tg-row-alt: #1e2024; --tg-weekend: #222429; --tg-header-bg: #202226; --tg-selected: #1e3a5f;
  --tg-hover: #25282d; --tg-focus: #74a7ff;
  --tg-bar: #4c8bf5; --tg-bar-progress: #9cc0ff; --tg-critical: #ff6b6b; --tg-critical-progress: #ffc9c9;
  --tg-summary: #c1c7cf; --tg-milestone: #b197fc; --tg-baseline: #5c636e; --tg-link: #8a94a0;
  --tg-today: #fcc419; --tg-status: #38d9a9; --tg-ghost: rgba(116, 167, 255, 0.35); --tg-tooltip-bg: #f1f3f5;
  --tg-tooltip-fg: #1a1b1e; color-scheme: dark;
}
.tgantt *, .tgantt *::before, .tgantt *::after { box-sizing: border-box; }
.tgantt-scroller { position: absolute; inset: 0; overflow: auto; outline: none; }
.tgantt-content { position: relative; }
.tgantt-layer { position: sticky; top: 0; left: 0; width: 0; height: 0; overflow: visible; z-index: 1; }
.tgantt-layer > * { position: absolute; }
.tgantt-canvas { display: block; touch-action: none; }
.tgantt-canvas:focus { outline: none; }
.tgantt-gridhead { display: flex; align-items: stretch; background: var(--tg-header-bg);
  border-bottom: 1px solid var(--tg-line-strong); border-right: 1px solid var(--tg-line-strong); font-weight: 600;
  color: var(--tg-muted); font-size: 12px; }
.tgantt-gridbody { contain: strict; overflow: clip; border-right: 1px solid var(--tg-line-strong); background: var(--tg-bg); outline: none; }
.tgantt-grid { outline: none; }
.tgantt-grid:focus-visible { box-shadow: inset 0 0 0 2px var(--tg-focus); }
.tgantt-rows { position: relative; will-change: transform; }
.tgantt-row { position: absolute; left: 0; right: 0; display: flex; align-items: center;
  border-bottom: 1px solid var(--tg-line); cursor: default; contain: strict; }
.tgantt-row:hover { background: var(--tg-hover); }
.tgantt-row[aria-selected='true'] { background: var(--tg-selected); }
.tgantt-grid:focus-visible .tgantt-row[aria-selected='true'] { box-shadow: inset 3px 0 0 var(--tg-focus); }
.tgantt-cell { padding: 0 6px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; flex: none;
  height: 100%; display: flex; align-items: center; }
.tgantt-cell.num { justify-content: flex-end; font-variant-numeric: tabular-nums; }
.tgantt-row.summary .tgantt-name { font-weight: 600; }
.tgantt-row.critical .tgantt-wbs { color: var(--tg-critical); }
.tgantt-name { overflow: hidden; text-overflow: ellipsis; }
.tgantt-toggle { flex: none; width: 18px; height: 18px; margin-right: 2px; padding: 0; border: 0; border-radius: 3px;
  background: transparent; color: var(--tg-muted); cursor: pointer; font-size: 10px; line-height: 18px; }
.tgantt-toggle:hover { background: var(--tg-line); color: var(--tg-fg); }
.tgantt-toggle:focus-visible { outline: 2px solid var(--tg-focus); }
.tgantt-toggle-space { flex: none; width: 20px; }
.tgantt-input { width: 100%; height: 24px; font: inherit; color: var(--tg-fg); background: var(--tg-bg);
  border: 1px solid var(--tg-focus); border-radius: 3px; padding: 0 4px; outline: none; }
.tgantt-sr { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.tgantt-tooltip { pointer-events: none; background: var(--tg-tooltip-bg); color: var(--tg-tooltip-fg);
  border-radius: 4px; padding: 6px 8px; font-size: 12px; line-height: 1.4; white-space: nowrap; z-index: 3;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); }
.tgantt-tooltip strong { display: block; }
.tgantt-bars { overflow: clip; pointer-events: none; contain: strict; }
.tgantt-bars * { pointer-events: none; }
.tgantt-divider { background: var(--tg-line-strong); width: 1px; }
`;

let injected = false;

/** Adds the chart's stylesheet to the document once. */
export function ensureGanttStyles(): void {
  if (injected || typeof document === 'undefined') return;
  injected = true;
  const style = document.createElement('style');
  style.setAttribute('data-tandem-gantt', '');
  style.textContent = CSS;
  document.head.appendChild(style);
}
