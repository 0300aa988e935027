// Grid: every work item in a virtualised spreadsheet with inline editing (the Smartsheet habit).
// Arrow keys move, Enter/F2 or typing edits, Enter saves and moves down, Tab saves and moves right,
// Escape cancels. Click a header to sort; filter by text and status.
import { Badge, Group, Paper, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSearch, IconTable } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeError, useProject, useSchedule, workItems } from '../../api/index.ts';
import type { WorkItem } from '../../api/types.ts';
import { useWorkspaceUsers } from '../../api/work-collections.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { projectStatuses, statusColor, statusLabel } from '../work-shared/statuses.ts';
import '../work-shared/work-pages.css';
import { CellEditor, type CommitMove } from './CellEditor.tsx';
import { COLUMNS, editable, type ColumnId, type GridContext, type GridRow } from './columns.ts';

const ROW_HEIGHT = 38;

export default function GridPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const list = workItems.useList(projectId);
  const schedule = useSchedule(projectId);
  const users = useWorkspaceUsers();
  const patch = workItems.usePatch();
  const [query, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<string | null>(null);
  const [sort, setSort] = useState<{ column: ColumnId; desc: boolean } | null>(null);
  const [active, setActive] = useState<{ row: number; col: number }>({ row: 0, col: 1 });
  const [editing, setEditing] = useState<{ initial: string; selectAll: boolean } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const ctx = useMemo<GridContext>(() => {
    const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
    return {
      minutesPerDay: project.data?.units.minutesPerDay ?? 480,
      userName: (id) => (id ? (names.get(id) ?? 'Someone') : '—'),
    };
  }, [users.data, project.data]);

  const rows = useMemo<GridRow[]>(() => {
    const items = [...(list.data ?? [])].sort((a, b) => a.sortKey - b.sortKey);
    const tasks = new Map((schedule.data?.tasks ?? []).map((t) => [t.id, t]));
    const byId = new Map(items.map((i) => [i.id, i]));
    const depth = (i: WorkItem): number => {
      let d = 0;
      for (let p = i.parentId; p && d < 20; p = byId.get(p)?.parentId ?? null) d++;
      return d;
    };
    let out = items.map((item) => ({ item, task: tasks.get(item.key), depth: depth(item) }));
    const q = query.trim().toLowerCase();
    if (q)
      out = out.filter((r) => r.item.name.toLowerCase().includes(q) || r.item.key.toLowerCase().includes(q));
    if (statusFilter) out = out.filter((r) => r.item.status === statusFilter);
    if (sort) {
      const col = COLUMNS.find((c) => c.id === sort.column)!;
      out = [...out].sort((a, b) => {
        const x = col.sortValue(a, ctx);
        const y = col.sortValue(b, ctx);
        const cmp = x < y ? -1 : x > y ? 1 : 0;
        return sort.desc ? -cmp : cmp;
      });
    }
    return out;
  }, [list.data, schedule.data, query, statusFilter, sort, ctx]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (rows.length && active.row >= rows.length) setActive((a) => ({ ...a, row: rows.length - 1 }));
  }, [rows.length, active.row]);

  if (list.isPending) return <PageSkeleton label="Loading the grid" />;
  if (list.isError)
    return <ErrorState error={list.error} what="the work items" onRetry={() => void list.refetch()} />;

  const statuses = projectStatuses(list.data ?? []);
  const width = COLUMNS.reduce((s, c) => s + c.width, 0);

  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const c = Math.max(0, Math.min(COLUMNS.length - 1, col));
    setActive({ row: r, col: c });
    virtualizer.scrollToIndex(r, { align: 'auto' });
    gridRef.current?.focus();
  };

  const startEdit = (initial?: string) => {
    const row = rows[active.row];
    const column = COLUMNS[active.col]!;
    if (!row || !editable(column, row)) return;
    setEditing({ initial: initial ?? column.editValue?.(row, ctx) ?? '', selectAll: initial === undefined });
  };

  const commit = (value: string, move: CommitMove) => {
    const row = rows[active.row];
    const column = COLUMNS[active.col]!;
    setEditing(null);
    if (move === 'down') moveTo(active.row + 1, active.col);
    else if (move === 'right') moveTo(active.row, active.col + 1);
    else if (move === 'left') moveTo(active.row, active.col - 1);
    else gridRef.current?.focus();
    if (!row || !column.parse) return;
    if (value === (column.editValue?.(row, ctx) ?? '')) return;
    const result = column.parse(value, row, ctx);
    if (typeof result === 'string') {
      setMessage({ text: result, error: true });
      return;
    }
    setMessage({ text: `Saving ${row.item.key}…`, error: false });
    patch.mutate(
      { row: row.item, patch: result },
      {
        onSuccess: () =>
          setMessage({ text: `${row.item.key}: ${column.label.toLowerCase()} saved`, error: false }),
        onError: (e) =>
          setMessage({ text: `${row.item.key} was not saved: ${describeError(e)}`, error: true }),
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (editing) return;
    const { row, col } = active;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(row + 1, col),
      ArrowUp: () => moveTo(row - 1, col),
      ArrowRight: () => moveTo(row, col + 1),
      ArrowLeft: () => moveTo(row, col - 1),
      Home: () => moveTo(row, 0),
      End: () => moveTo(row, COLUMNS.length - 1),
      PageDown: () => moveTo(row + 15, col),
      PageUp: () => moveTo(row - 15, col),
      Enter: () => startEdit(),
      F2: () => startEdit(),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
      return;
    }
    const column = COLUMNS[col]!;
    if (
      e.key.length === 1 &&
      !e.ctrlKey &&
      !e.metaKey &&
      !e.altKey &&
      (column.editor === 'text' || column.editor === 'number')
    ) {
      e.preventDefault();
      startEdit(e.key);
    }
  };

  const activeRow = rows[active.row];
  const activeColumn = COLUMNS[active.col]!;
  const activeId = activeRow ? `cell-${activeRow.item.id}-${activeColumn.id}` : undefined;

  return (
    <Stack gap="md">
      <PageHeader
        title="Grid"
        description="Every work item as a spreadsheet. Arrow keys move; Enter or typing edits; Enter saves, Escape cancels."
      >
        <TextInput
          size="xs"
          label="Filter"
          placeholder="Name or key"
          leftSection={<IconSearch size={14} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={220}
        />
        <Select
          size="xs"
          label="Status"
          placeholder="Any status"
          clearable
          value={statusFilter}
          onChange={setStatusFilter}
          data={statuses.map((s) => ({ value: s, label: statusLabel(s) }))}
          w={160}
        />
      </PageHeader>
      <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
        {(list.data ?? []).length === 0 ? (
          <EmptyState
            icon={IconTable}
            title="No work items yet"
            description="Import a plan or add tasks in the Gantt chart; they show here to edit like a spreadsheet."
          />
        ) : (
          <div ref={scrollRef} style={{ overflow: 'auto', maxHeight: 'calc(100vh - 260px)', minHeight: 320 }}>
            <div
              ref={gridRef}
              role="grid"
              aria-label="Work items"
              aria-rowcount={rows.length + 1}
              aria-colcount={COLUMNS.length}
              aria-activedescendant={editing ? undefined : activeId}
              tabIndex={0}
              onKeyDown={onKeyDown}
              style={{ width, minWidth: '100%', outline: 'none' }}
              className="tandem-grid"
            >
              <div
                role="row"
                aria-rowindex={1}
                style={{
                  display: 'flex',
                  position: 'sticky',
                  top: 0,
                  zIndex: 2,
                  height: ROW_HEIGHT,
                  background: 'var(--mantine-color-default)',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                }}
              >
                {COLUMNS.map((c) => (
                  <div
                    key={c.id}
                    role="columnheader"
                    aria-sort={sort?.column === c.id ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                    className="tandem-grid-cell"
                    style={{ width: c.width, flexShrink: 0, fontWeight: 600 }}
                  >
                    <UnstyledButton
                      fz="xs"
                      fw={600}
                      tt="uppercase"
                      c="dimmed"
                      onClick={() =>
                        setSort((s) =>
                          s?.column !== c.id
                            ? { column: c.id, desc: false }
                            : s.desc
                              ? null
                              : { column: c.id, desc: true },
                        )
                      }
                    >
                      <Group gap={4} wrap="nowrap">
                        {c.label}
                        {sort?.column === c.id &&
                          (sort.desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}
                      </Group>
                    </UnstyledButton>
                  </div>
                ))}
              </div>
              {rows.length === 0 ? (
                <Text c="dimmed" size="sm" p="lg" ta="center">
                  No work items match the filter.
                </Text>
              ) : (
                <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                  {virtualizer.getVirtualItems().map((v) => {
                    const row = rows[v.index]!;
                    const summary = row.item.type === 'summary';
                    return (
                      <div
                        key={row.item.id}
                        role="row"
                        aria-rowindex={v.index + 2}
                        style={{
                          display: 'flex',
                          position: 'absolute',
                          top: 0,
                          left: 0,
                          width: '100%',
                          height: ROW_HEIGHT,
                          transform: `translateY(${v.start}px)`,
                          borderBottom: '1px solid var(--mantine-color-default-border)',
                          fontWeight: summary ? 600 : undefined,
                          background:
                            active.row === v.index ? 'var(--mantine-color-default-hover)' : undefined,
                        }}
                      >
                        {COLUMNS.map((c, ci) => {
                          const selected = active.row === v.index && active.col === ci;
                          const isEditing = selected && editing !== null;
                          return (
                            <div
                              key={c.id}
                              id={`cell-${row.item.id}-${c.id}`}
                              role="gridcell"
                              aria-selected={selected}
                              aria-readonly={!editable(c, row)}
                              aria-label={`${row.item.key} ${c.label}`}
                              className="tandem-grid-cell"
                              style={{
                                width: c.width,
                                flexShrink: 0,
                                ...(isEditing
                                  ? { padding: 0 }
                                  : c.id === 'name'
                                    ? { paddingLeft: 8 + row.depth * 16 }
                                    : {}),
                              }}
                              onClick={() => {
                                if (!selected) moveTo(v.index, ci);
                              }}
                              onDoubleClick={() => {
                                setActive({ row: v.index, col: ci });
                                const initial = c.editValue?.(row, ctx);
                                if (editable(c, row)) setEditing({ initial: initial ?? '', selectAll: true });
                              }}
                            >
                              {isEditing && c.editor ? (
                                <CellEditor
                                  kind={c.editor}
                                  initial={editing.initial}
                                  selectAll={editing.selectAll}
                                  label={`${c.label} of ${row.item.key}`}
                                  options={
                                    c.editor === 'status'
                                      ? statuses.map((s) => ({ value: s, label: statusLabel(s) }))
                                      : [
                                          { value: '', label: 'Unassigned' },
                                          ...(users.data ?? [])
                                            .filter((u) => !u.disabled)
                                            .map((u) => ({ value: u.id, label: u.name })),
                                        ]
                                  }
                                  onCommit={commit}
                                  onCancel={() => {
                                    setEditing(null);
                                    gridRef.current?.focus();
                                  }}
                                />
                              ) : c.id === 'status' ? (
                                <Badge
                                  size="sm"
                                  variant="light"
                                  color={statusColor(row.item.status)}
                                  tt="none"
                                >
                                  {c.display(row, ctx)}
                                </Badge>
                              ) : c.id === 'key' ? (
                                <Text span size="xs" c="dimmed" ff="monospace" truncate>
                                  {c.display(row, ctx)}
                                </Text>
                              ) : (
                                <Text span size="sm" truncate fw={summary ? 600 : undefined}>
                                  {c.display(row, ctx)}
                                </Text>
                              )}
                            </div>
                          );
                        })}
                      </div>
                    );
                  })}
                </div>
              )}
            </div>
          </div>
        )}
      </Paper>
      <Text size="sm" c={message?.error ? 'red' : 'dimmed'} role="status" aria-live="polite" mih={20}>
        {message?.text ?? `${rows.length} of ${(list.data ?? []).length} work items`}
      </Text>
    </Stack>
  );
}
