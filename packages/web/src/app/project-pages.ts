// The pages of a project, in the order of the project's navigation. A page lives in
// `src/pages/<path>/index.tsx` and default-exports its component; its route is in routes.tsx.
import {
  IconActivityHeartbeat,
  IconAlertTriangle,
  IconBinaryTree2,
  IconChartBar,
  IconChecklist,
  IconColumns3,
  IconFileReport,
  IconMessages,
  IconUserQuestion,
  IconGitPullRequest,
  IconPlugConnected,
  IconLayoutDashboard,
  IconListDetails,
  IconTable,
  IconTimeline,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export interface ProjectPage {
  /** URL segment under /projects/$projectId ('' = overview). */
  path: string;
  label: string;
  icon: Icon;
  group: 'plan' | 'deliver' | 'control';
}

export const PROJECT_PAGES: readonly ProjectPage[] = [
  { path: '', label: 'Overview', icon: IconLayoutDashboard, group: 'plan' },
  { path: 'gantt', label: 'Gantt', icon: IconTimeline, group: 'plan' },
  { path: 'grid', label: 'Grid', icon: IconTable, group: 'plan' },
  { path: 'board', label: 'Board', icon: IconColumns3, group: 'deliver' },
  { path: 'backlog', label: 'Backlog & sprints', icon: IconListDetails, group: 'deliver' },
  { path: 'requirements', label: 'Requirements', icon: IconChecklist, group: 'deliver' },
  { path: 'resources', label: 'Resources', icon: IconUsersGroup, group: 'deliver' },
  { path: 'raid', label: 'RAID', icon: IconAlertTriangle, group: 'control' },
  { path: 'changes', label: 'Change requests', icon: IconGitPullRequest, group: 'control' },
  { path: 'stakeholders', label: 'Stakeholders', icon: IconUsers, group: 'control' },
  { path: 'budget', label: 'Budget & EVM', icon: IconChartBar, group: 'control' },
  { path: 'governance', label: 'Change control', icon: IconGitPullRequest, group: 'control' },
  { path: 'scenarios', label: 'Scenarios', icon: IconBinaryTree2, group: 'control' },
  { path: 'gates', label: 'Phase gates', icon: IconChecklist, group: 'control' },
  { path: 'meetings', label: 'Meetings', icon: IconMessages, group: 'deliver' },
  { path: 'engineering', label: 'Engineering', icon: IconActivityHeartbeat, group: 'deliver' },
  { path: 'reports', label: 'Status reports', icon: IconFileReport, group: 'control' },
  { path: 'advisor', label: 'Staffing advisor', icon: IconUserQuestion, group: 'control' },
  { path: 'integrations', label: 'Integrations', icon: IconPlugConnected, group: 'control' },
];

export const PAGE_GROUP_LABEL = { plan: 'Plan', deliver: 'Deliver', control: 'Control' } as const;

export { IconBinaryTree2 as ProjectIcon };
