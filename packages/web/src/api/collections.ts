// The project collections the app uses. Add one line per entity (types in types.ts).
import { projectCollection } from './collection.ts';
import type {
  ChangeRequest,
  RaidEntry,
  Release,
  Requirement,
  Sprint,
  Stakeholder,
  WorkItem,
} from './types.ts';

export const workItems = projectCollection<WorkItem>('work-items', { label: 'work item' });
export const raidEntries = projectCollection<RaidEntry>('raid-entries', {
  label: 'RAID entry',
  collectionPath: 'raid',
});
export const changeRequests = projectCollection<ChangeRequest>('change-requests', {
  label: 'change request',
});
export const stakeholders = projectCollection<Stakeholder>('stakeholders', { label: 'stakeholder' });
export const requirements = projectCollection<Requirement>('requirements', { label: 'requirement' });
export const releases = projectCollection<Release>('releases', { label: 'release' });
export const sprints = projectCollection<Sprint>('sprints', { label: 'sprint' });
