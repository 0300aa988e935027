import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export type CommitMove = 'down' | 'right' | 'left' | 'none';

/** The input over a cell while it is edited: Enter saves (and moves down), Tab saves (and moves
 * right), Escape cancels. Selects commit on change. */
export function CellEditor({
  kind,
  initial,
  label,
  options,
  onCommit,
  onCancel,
  selectAll,
}: {
  /** Select the text (editing the value) rather than continue after it (typing replaced it). */
  selectAll: boolean;
  kind: 'text' | 'number' | 'date' | 'status' | 'assignee';
  initial: string;
  label: string;
  options: { value: string; label: string }[];
  onCommit: (value: string, move: CommitMove) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    if (selectAll && (kind === 'text' || kind === 'number')) ref.current?.select();
  }, [kind, selectAll]);
  const commit = (v: string, move: CommitMove) => {
    if (done.current) return;
    done.current = true;
    onCommit(v, move);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      done.current = true;
      onCancel();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit(value, 'down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit(value, e.shiftKey ? 'left' : 'right');
    }
  };
  const style = {
    width: '100%',
    height: '100%',
    border: 0,
    outline: 'none',
    font: 'inherit',
    fontSize: 'var(--mantine-font-size-sm)',
    background: 'var(--mantine-color-body)',
    color: 'var(--mantine-color-text)',
    padding: '0 6px',
  };
  if (kind === 'status' || kind === 'assignee')
    return (
      <select
        ref={ref}
        aria-label={label}
        value={value}
        style={style}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          commit(e.currentTarget.value, 'none');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => commit(value, 'none')}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  return (
    <input
      ref={ref}
      aria-label={label}
      type={kind === 'date' ? 'date' : 'text'}
      inputMode={kind === 'number' ? 'decimal' : undefined}
      value={value}
      style={style}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => commit(value, 'none')}
    />
  );
}
