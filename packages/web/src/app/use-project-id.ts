// The current project's id, for any component under /projects/$projectId.
import { useParams } from '@tanstack/react-router';

export function useProjectId(): string {
  const { projectId } = useParams({ strict: false });
  if (!projectId) throw new Error('useProjectId() outside /projects/$projectId');
  return projectId;
}
