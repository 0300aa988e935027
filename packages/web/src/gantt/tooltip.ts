// The tooltip is updated imperatively on pointer moves so that hovering never re-renders the chart.

export function showTooltip(
  el: HTMLDivElement | null,
  title: string,
  lines: readonly string[],
  x: number,
  y: number,
  bounds: { width: number; height: number },
): void {
  if (el === null) return;
  const strong = document.createElement('strong');
  strong.textContent = title;
  const nodes: Node[] = [strong];
  for (const line of lines) {
    const div = document.createElement('div');
    div.textContent = line;
    nodes.push(div);
  }
  el.replaceChildren(...nodes);
  el.style.display = 'block';
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const left = x + 14 + w > bounds.width ? Math.max(0, x - 14 - w) : x + 14;
  const top = y + 16 + h > bounds.height ? Math.max(0, y - 12 - h) : y + 16;
  el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

export function hideTooltip(el: HTMLDivElement | null): void {
  if (el !== null) el.style.display = 'none';
}
