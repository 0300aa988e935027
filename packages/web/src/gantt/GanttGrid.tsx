import type { KeyboardEvent, Ref } from 'react';
import type { VisibleRow } from './layout/visible-rows.ts';
import { GRID_COLUMNS, GRID_WIDTH, type EditableField } from './grid-columns.ts';
import { GanttGridRow } from './GanttGridRow.tsx';

export interface GanttGridProps {
  idPrefix: string;
  rows: readonly VisibleRow[];
  /** rows [first, last) are rendered */
  first: number;
  last: number;
  /** the most rows ever rendered at once (row i uses slot i % slots) */
  slots: number;
  rowHeight: number;
  headerHeight: number;
  height: number;
  selectedIndex: number;
  collapsed: ReadonlySet<string>;
  editing: { index: number; field: EditableField } | null;
  readOnly: boolean;
  ariaLabel: string;
  gridRef: Ref<HTMLDivElement>;
  rowsRef: Ref<HTMLDivElement>;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  onSelectRow: (index: number) => void;
  onToggle: (taskId: string) => void;
  onStartEdit: (index: number, field: EditableField) => void;
  onCommitEdit: (value: string | null) => void;
}

export function rowDomId(idPrefix: string, index: number): string {
  return `${idPrefix}-row-${index}`;
}

/** The task tree grid left of the chart: a header and the rendered window of rows (the rest is virtual). */
export function GanttGrid(p: GanttGridProps) {
  const rendered = [];
  for (let i = p.first; i < p.last; i += 1) {
    const row = p.rows[i];
    if (row === undefined) continue;
    rendered.push(
      // keyed by slot, not by task: scrolling re-fills the same DOM rows instead of creating and removing them
      <GanttGridRow
        key={i % p.slots}
        row={row}
        index={i}
        rowHeight={p.rowHeight}
        rowDomId={rowDomId(p.idPrefix, i)}
        selected={i === p.selectedIndex}
        collapsed={p.collapsed.has(row.task.id)}
        editing={p.editing !== null && p.editing.index === i ? p.editing.field : null}
        readOnly={p.readOnly}
        onSelectRow={p.onSelectRow}
        onToggle={p.onToggle}
        onStartEdit={p.onStartEdit}
        onCommitEdit={p.onCommitEdit}
      />,
    );
  }
  const active =
    p.selectedIndex >= p.first && p.selectedIndex < p.last
      ? rowDomId(p.idPrefix, p.selectedIndex)
      : undefined;
  return (
    <div
      ref={p.gridRef}
      role="treegrid"
      aria-label={p.ariaLabel}
      aria-rowcount={p.rows.length + 1}
      aria-colcount={GRID_COLUMNS.length}
      aria-activedescendant={active}
      aria-readonly={p.readOnly || undefined}
      tabIndex={0}
      className="tgantt-grid"
      style={{
        left: 0,
        top: 0,
        width: GRID_WIDTH,
        height: p.height,
        display: 'flex',
        flexDirection: 'column',
      }}
      onKeyDown={p.onKeyDown}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="tgantt-gridhead" style={{ height: p.headerHeight }}>
          {GRID_COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={c.numeric ? 'tgantt-cell num' : 'tgantt-cell'}
              style={{ width: c.width }}
            >
              {c.title}
            </div>
          ))}
        </div>
      </div>
      <div className="tgantt-gridbody" style={{ flex: 1, position: 'relative' }}>
        <div ref={p.rowsRef} role="rowgroup" className="tgantt-rows">
          {rendered}
        </div>
      </div>
    </div>
  );
}
