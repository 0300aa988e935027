import { Select } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useProjects } from '../api/projects.ts';

/** Jump to any project of the workspace (type to filter). */
export function ProjectSwitcher() {
  const { data: projects } = useProjects();
  const { projectId } = useParams({ strict: false });
  const navigate = useNavigate();
  return (
    <Select
      aria-label="Switch project"
      placeholder="Go to project…"
      searchable
      nothingFoundMessage="No project matches"
      leftSection={<IconSearch size={14} />}
      data={(projects ?? []).filter((p) => !p.archivedAt).map((p) => ({ value: p.id, label: p.name }))}
      value={projectId ?? null}
      onChange={(id) => {
        if (id) void navigate({ to: '/projects/$projectId', params: { projectId: id } });
      }}
      w={{ base: 200, md: 320 }}
      size="sm"
      comboboxProps={{ width: 420, position: 'bottom-start' }}
      allowDeselect={false}
    />
  );
}
