import { Group, SegmentedControl, Select } from '@mantine/core';
import type { Bucket } from './engineering-types.ts';
import { type DoraWindow, WINDOW_DAYS, type WindowDays } from './dora-window.ts';

/** Window (last 30/90/180 days), series period, and an optional release. */
export function DoraWindowControls({
  value,
  onChange,
  releases,
}: {
  value: DoraWindow;
  onChange: (next: DoraWindow) => void;
  releases: { id: string; name: string }[];
}) {
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label="Window"
        value={String(value.days)}
        onChange={(v) => onChange({ ...value, days: Number(v) as WindowDays })}
        data={WINDOW_DAYS.map((d) => ({ value: String(d), label: `${d} days` }))}
      />
      <SegmentedControl
        size="xs"
        aria-label="Period"
        value={value.bucket}
        onChange={(v) => onChange({ ...value, bucket: v as Bucket })}
        data={[
          { value: 'day', label: 'Day' },
          { value: 'week', label: 'Week' },
          { value: 'month', label: 'Month' },
        ]}
      />
      <Select
        size="xs"
        aria-label="Release"
        placeholder="All releases"
        clearable
        w={200}
        value={value.releaseId}
        onChange={(v) => onChange({ ...value, releaseId: v })}
        data={releases.map((r) => ({ value: r.id, label: r.name }))}
      />
    </Group>
  );
}
