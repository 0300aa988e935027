import { memo, useEffect, useRef } from 'react';
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

function GanttGridRowImpl(p: GanttGridRowProps) {
  const { row, index, rowHeight } = p;
  const t = row.task;
  const classes = ['tgantt-row'];
  if (t.kind === 'summary') classes.push('summary');
  if (t.critical) classes.push('critical');
  return (
    <div
      role="row"
      id={p.rowDomId}
      className={classes.join(' ')}
      aria-level={row.level + 1}
      aria-expanded={row.hasChildren ? !p.collapsed : undefined}
      aria-selected={p.selected}
      aria-rowindex={index + 2}
      data-task-id={t.id}
      style={{ top: index * rowHeight, height: rowHeight }}
      onMouseDown={() => p.onSelectRow(index)}
    >
      {GRID_COLUMNS.map((col) => {
        const field = col.key === 'wbs' ? null : col.key;
        const editing = field !== null && p.editing === field;
        return (
          <div
            key={col.key}
            role="gridcell"
            className={col.numeric ? 'tgantt-cell num' : 'tgantt-cell'}
            style={{
              width: col.width,
              paddingLeft: col.key === 'name' ? 4 + row.level * 16 : undefined,
            }}
            onDoubleClick={
              field !== null && !p.readOnly && isEditable(t, field)
                ? () => p.onStartEdit(index, field)
                : undefined
            }
          >
            {col.key === 'name' &&
              !editing &&
              (row.hasChildren ? (
                <button
                  type="button"
                  className="tgantt-toggle"
                  tabIndex={-1}
                  aria-label={p.collapsed ? `Expand ${t.name}` : `Collapse ${t.name}`}
                  onMouseDown={(e) => e.stopPropagation()}
                  onClick={() => p.onToggle(t.id)}
                >
                  {p.collapsed ? '▶' : '▼'}
                </button>
              ) : (
                <span className="tgantt-toggle-space" />
              ))}
            {editing && field !== null ? (
              <CellEditor
                initial={editText(t, field)}
                label={`${col.title} of ${t.name}`}
                onDone={p.onCommitEdit}
              />
            ) : (
              <span
                className={col.key === 'name' ? 'tgantt-name' : undefined}
                title={col.key === 'name' ? t.name : undefined}
              >
                {cellText(t, col.key)}
              </span>
            )}
          </div>
        );
      })}
      <div role="gridcell" className="tgantt-sr">
        {barDescription(t)}
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
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value.trim());
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value.trim())}
    />
  );
}
