import { memo, useEffect, useRef, type MouseEvent } from 'react';
import type { GanttTask } from './types.ts';
import type { VisibleRow } from './layout/visible-rows.ts';
import {
  GRID_COLUMNS,
  barDescription,
  cellText,
  editText,
  isEditable,
  type EditableField,
} from './grid-columns.ts';

export interface GanttGridRowProps {
  row: VisibleRow;
  index: number;
  rowHeight: number;
  rowDomId: string;
  selected: boolean;
  collapsed: boolean;
  /** the field being edited in this row, if any */
  editing: EditableField | null;
  readOnly: boolean;
  onSelectRow: (index: number) => void;
  onToggle: (taskId: string) => void;
  onStartEdit: (index: number, field: EditableField) => void;
  onCommitEdit: (value: string | null) => void;
}

interface RowText {
  cells: string[];
  description: string;
}

// A row's texts are formatted once per task object (scrolling back and forth reuses them).
const texts = new WeakMap<GanttTask, RowText>();
function rowText(t: GanttTask): RowText {
  let r = texts.get(t);
  if (r === undefined) {
    r = { cells: GRID_COLUMNS.map((c) => cellText(t, c.key)), description: barDescription(t) };
    texts.set(t, r);
  }
  return r;
}

const CELL_STYLES = GRID_COLUMNS.map((c) => ({ width: c.width }));

function GanttGridRowImpl(p: GanttGridRowProps) {
  const { row, index, rowHeight } = p;
  const t = row.task;
  const text = rowText(t);
  const className =
    t.kind === 'summary'
      ? t.critical
        ? 'tgantt-row summary critical'
        : 'tgantt-row summary'
      : t.critical
        ? 'tgantt-row critical'
        : 'tgantt-row';
  // one handler for the row: the cell says which field it is
  const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
    const field = (e.target as HTMLElement)
      .closest('[data-field]')
      ?.getAttribute('data-field') as EditableField | null;
    if (field && !p.readOnly && isEditable(t, field)) p.onStartEdit(index, field);
  };
  return (
    <div
      role="row"
      id={p.rowDomId}
      className={className}
      aria-level={row.level + 1}
      aria-expanded={row.hasChildren ? !p.collapsed : undefined}
      aria-selected={p.selected}
      aria-rowindex={index + 2}
      data-task-id={t.id}
      style={{ top: index * rowHeight, height: rowHeight }}
      onMouseDown={() => p.onSelectRow(index)}
      onDoubleClick={onDoubleClick}
    >
      {GRID_COLUMNS.map((col, i) => {
        const field = col.key === 'wbs' ? undefined : col.key;
        const editing = field !== undefined && p.editing === field;
        const value = text.cells[i] ?? '';
        if (editing) {
          return (
            <div key={col.key} role="gridcell" className="tgantt-cell" style={CELL_STYLES[i]}>
              <CellEditor
                initial={editText(t, field)}
                label={`${col.title} of ${t.name}`}
                onDone={p.onCommitEdit}
              />
            </div>
          );
        }
        if (col.key !== 'name') {
          return (
            <div
              key={col.key}
              role="gridcell"
              data-field={field}
              className={col.numeric ? 'tgantt-cell num' : 'tgantt-cell'}
              style={CELL_STYLES[i]}
            >
              {value}
            </div>
          );
        }
        return (
          <div
            key={col.key}
            role="gridcell"
            data-field="name"
            className="tgantt-cell"
            style={{ width: col.width, paddingLeft: 4 + row.level * 16 }}
          >
            {row.hasChildren ? (
              <button
                type="button"
                className="tgantt-toggle"
                tabIndex={-1}
                aria-label={p.collapsed ? `Expand ${t.name}` : `Collapse ${t.name}`}
                onMouseDown={(e) => e.stopPropagation()}
                onDoubleClick={(e) => e.stopPropagation()}
                onClick={() => p.onToggle(t.id)}
              >
                {p.collapsed ? '▶' : '▼'}
              </button>
            ) : (
              <span className="tgantt-toggle-space" />
            )}
            <span className="tgantt-name" title={t.name}>
              {value}
            </span>
          </div>
        );
      })}
      <div role="gridcell" className="tgantt-sr">
        {text.description}
      </div>
    </div>
  );
}

export const GanttGridRow = memo(GanttGridRowImpl);

function CellEditor({
  initial,
  label,
  onDone,
}: {
  initial: string;
  label: string;
  onDone: (value: string | null) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value !== null && value !== initial ? value : null);
  };
  return (
    <input
      ref={ref}
      className="tgantt-input"
      aria-label={label}
      defaultValue={initial}
      onMouseDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value.trim());
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value.trim())}
    />
  );
}
