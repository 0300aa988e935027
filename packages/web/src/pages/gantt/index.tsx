// The project's Gantt: the schedule on a timeline, edited by dragging and typing; the server re-schedules
// after every write and the chart follows (also when someone else changes the plan: live events refetch).
import { Alert, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconTimeline } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useEngineeringState } from '../../api/engineering-state.ts';
import { useCanPlan } from '../../api/project-access.ts';
import { useProject, useSchedule } from '../../api/projects.ts';
import { workItems } from '../../api/collections.ts';
import { formatDate } from '../../app/format.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Gantt, type GanttHandle, type GanttZoom } from '../../gantt/index.ts';
import { baselines, dependencies } from './gantt-api.ts';
import { engineeringAlerts, withAlerts } from './engineering-alerts.ts';
import { parseLocal, toGanttData } from './gantt-data.ts';
import { GanttToolbar } from './GanttToolbar.tsx';
import { ConfirmLinkDelete } from './ConfirmLinkDelete.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { LinksMenu } from './LinksMenu.tsx';
import { taskLinks } from './task-links.ts';
import { useGanttWrites } from './useGanttWrites.ts';
import { useLinkEdits } from './useLinkEdits.ts';

const DEFAULT_UNITS = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

function wallClockNow(): number {
  const d = new Date();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes());
}

export default function GanttPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const schedule = useSchedule(projectId);
  const items = workItems.useList(projectId);
  const deps = dependencies.useList(projectId);
  const bls = baselines.useList(projectId);
  const [zoom, setZoom] = useState<GanttZoom>('week');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [showCritical, setShowCritical] = useState(true);
  const [baselineId, setBaselineId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // the dependency whose dialog is open, and the one Delete asks about
  const [openLinkId, setOpenLinkId] = useState<string | null>(null);
  const [deleteLinkId, setDeleteLinkId] = useState<string | null>(null);
  const gantt = useRef<GanttHandle>(null);
  const today = useMemo(() => wallClockNow(), []);

  const units = project.data?.units ?? DEFAULT_UNITS;
  const baseline = bls.data?.find((b) => b.id === baselineId) ?? null;
  const data = useMemo(
    () =>
      schedule.data && items.data && deps.data
        ? toGanttData(schedule.data, items.data, deps.data, baseline?.snapshot ?? null, units)
        : null,
    [schedule.data, items.data, deps.data, baseline, units],
  );
  // Failing builds and open incidents marked on their tasks (refreshed live as signals arrive).
  const engineering = useEngineeringState(projectId);
  const tasks = useMemo(
    () =>
      data && engineering.data
        ? withAlerts(data.tasks, engineeringAlerts(engineering.data.project, data.taskIdOfWorkItem))
        : (data?.tasks ?? []),
    [data, engineering.data],
  );
  const itemByKey = useMemo(() => new Map((items.data ?? []).map((w) => [w.key, w])), [items.data]);
  const itemById = useMemo(() => new Map((items.data ?? []).map((w) => [w.id, w])), [items.data]);
  const depById = useMemo(() => new Map((deps.data ?? []).map((d) => [d.id, d])), [deps.data]);
  const linkEdits = useLinkEdits(projectId);
  const canPlan = useCanPlan(projectId) !== false;
  const selectedLinks = useMemo(
    () => taskLinks(selectedId, deps.data ?? [], itemByKey, itemById, units),
    [selectedId, deps.data, itemByKey, itemById, units],
  );
  const nameOf = (workItemId: string | undefined) =>
    workItemId === undefined ? '' : (itemById.get(workItemId)?.name ?? '');
  const scheduledById = useMemo(
    () => new Map((schedule.data?.tasks ?? []).map((t) => [t.id, t])),
    [schedule.data],
  );
  const writes = useGanttWrites({
    projectId,
    itemByKey,
    scheduledById,
    deps: deps.data ?? [],
    units,
    onError: setError,
  });

  const toggle = useCallback((id: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const failed = [schedule, items, deps].find((q) => q.isError);
  if (failed)
    return (
      <ErrorState error={failed.error} what="this project's schedule" onRetry={() => void failed.refetch()} />
    );
  if (data === null || schedule.data === undefined) {
    return (
      <Group justify="center" p="xl">
        <Loader aria-label="Loading the schedule" />
      </Group>
    );
  }
  if (data.tasks.length === 0) {
    return (
      <Paper withBorder radius="lg">
        <EmptyState
          icon={IconTimeline}
          title="No tasks to chart yet"
          description="Add work items in the Grid or the Backlog, or import a plan (MS Project XML or CSV) — they appear here on a timeline, with their links and the critical path."
        />
      </Paper>
    );
  }
  const openLink = openLinkId === null ? null : (depById.get(openLinkId) ?? null);
  const deleteLink = deleteLinkId === null ? null : (depById.get(deleteLinkId) ?? null);
  const statusDate = project.data?.statusDate ? parseLocal(project.data.statusDate) : undefined;
  const parents = data.tasks.filter((t) => t.kind === 'summary').map((t) => t.id);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <GanttToolbar
          zoom={zoom}
          onZoom={setZoom}
          showCritical={showCritical}
          onShowCritical={setShowCritical}
          baselines={bls.data ?? []}
          baselineId={baselineId}
          onBaseline={setBaselineId}
          onExpandAll={() => setCollapsed(new Set())}
          onCollapseAll={() => setCollapsed(new Set(parents))}
          onToday={() => gantt.current?.scrollToDate(today)}
          onScrollToTask={selectedId === null ? null : () => gantt.current?.scrollToTask(selectedId)}
          links={
            <LinksMenu
              task={selectedId === null ? null : (itemByKey.get(selectedId)?.name ?? selectedId)}
              predecessors={selectedLinks.predecessors}
              successors={selectedLinks.successors}
              onOpen={setOpenLinkId}
            />
          }
        />
        <Group gap="md" wrap="nowrap">
          {writes.pending && <Loader size="xs" aria-label="Saving" />}
          <Text size="sm">
            <Text span c="dimmed">
              Start{' '}
            </Text>
            <span data-testid="project-start">{formatDate(schedule.data.project.start)}</span>
            <Text span c="dimmed">
              {' '}
              · Finish{' '}
            </Text>
            <Text span fw={600} data-testid="project-finish">
              {formatDate(schedule.data.project.finish)}
            </Text>
          </Text>
        </Group>
      </Group>
      {error !== null && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="The plan was not changed"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setError(null)}
          role="alert"
        >
          {error}
        </Alert>
      )}
      <Paper
        withBorder
        radius="lg"
        style={{ overflow: 'hidden', height: 'calc(100vh - 250px)', minHeight: 420 }}
      >
        <Gantt
          ref={gantt}
          tasks={tasks}
          links={data.links}
          zoom={zoom}
          collapsed={collapsed}
          onToggleCollapse={toggle}
          today={today}
          statusDate={statusDate}
          showCriticalPath={showCritical}
          showBaseline={baseline !== null}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onZoomChange={setZoom}
          onMove={writes.onMove}
          onResize={writes.onResize}
          onLink={writes.onLink}
          onEdit={writes.onEdit}
          onLinkOpen={setOpenLinkId}
          onLinkDelete={canPlan ? setDeleteLinkId : undefined}
          ariaLabel="Tasks of the schedule"
        />
      </Paper>
      <LinkDialog
        dep={openLink}
        fromName={nameOf(openLink?.predecessorId)}
        toName={nameOf(openLink?.successorId)}
        units={units}
        readOnly={!canPlan}
        edits={linkEdits}
        onClose={() => setOpenLinkId(null)}
      />
      <ConfirmLinkDelete
        dep={deleteLink}
        fromName={nameOf(deleteLink?.predecessorId)}
        toName={nameOf(deleteLink?.successorId)}
        edits={linkEdits}
        onClose={() => setDeleteLinkId(null)}
      />
    </Stack>
  );
}
