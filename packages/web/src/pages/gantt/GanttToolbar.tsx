import { ActionIcon, Button, Group, SegmentedControl, Select, Switch, Tooltip } from '@mantine/core';
import {
  IconArrowBarToRight,
  IconCalendarEvent,
  IconChevronsDown,
  IconChevronsUp,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { stepZoom, type GanttZoom } from '../../gantt/index.ts';

export interface GanttToolbarProps {
  zoom: GanttZoom;
  onZoom: (zoom: GanttZoom) => void;
  showCritical: boolean;
  onShowCritical: (on: boolean) => void;
  baselines: readonly { id: string; name: string }[];
  baselineId: string | null;
  onBaseline: (id: string | null) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onToday: () => void;
  /** null when no task is selected */
  onScrollToTask: (() => void) | null;
  /** the selected task's Links menu */
  links?: ReactNode;
}

const ZOOM_LABELS: { value: GanttZoom; label: string }[] = [
  { value: 'day', label: 'Days' },
  { value: 'week', label: 'Weeks' },
  { value: 'month', label: 'Months' },
  { value: 'quarter', label: 'Quarters' },
];

/** Zoom, critical path, baseline, expand/collapse all, scroll to today or to the task, the task's links. */
export function GanttToolbar(p: GanttToolbarProps) {
  return (
    <Group gap="sm" wrap="wrap" role="toolbar" aria-label="Gantt chart">
      <Group gap={4} wrap="nowrap">
        <Tooltip label="Zoom in (Ctrl + wheel)">
          <ActionIcon variant="default" aria-label="Zoom in" onClick={() => p.onZoom(stepZoom(p.zoom, -1))}>
            <IconZoomIn size={16} />
          </ActionIcon>
        </Tooltip>
        <SegmentedControl
          size="xs"
          aria-label="Time scale"
          value={p.zoom}
          onChange={(v) => p.onZoom(v as GanttZoom)}
          data={ZOOM_LABELS}
        />
        <Tooltip label="Zoom out (Ctrl + wheel)">
          <ActionIcon variant="default" aria-label="Zoom out" onClick={() => p.onZoom(stepZoom(p.zoom, 1))}>
            <IconZoomOut size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Switch
        size="sm"
        label="Critical path"
        checked={p.showCritical}
        onChange={(e) => p.onShowCritical(e.currentTarget.checked)}
      />
      <Select
        size="xs"
        w={200}
        aria-label="Baseline"
        placeholder={p.baselines.length === 0 ? 'No baselines' : 'Compare with a baseline'}
        disabled={p.baselines.length === 0}
        clearable
        value={p.baselineId}
        onChange={p.onBaseline}
        data={p.baselines.map((b) => ({ value: b.id, label: b.name }))}
      />
      <Group gap={4} wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChevronsDown size={14} />}
          onClick={p.onExpandAll}
        >
          Expand all
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChevronsUp size={14} />}
          onClick={p.onCollapseAll}
        >
          Collapse all
        </Button>
        <Button size="xs" variant="default" leftSection={<IconCalendarEvent size={14} />} onClick={p.onToday}>
          Today
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowBarToRight size={14} />}
          disabled={p.onScrollToTask === null}
          onClick={p.onScrollToTask ?? undefined}
        >
          Scroll to task
        </Button>
        {p.links}
      </Group>
    </Group>
  );
}
