/** Every route of the API, registered in one place. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerAuthRoutes } from '../auth/auth-routes.ts';
import type { AppEnv } from './app-env.ts';
import { registerEngineeringSignalRoutes } from './signals/index.ts';
import { registerGovernanceRoutes } from './governance/index.ts';
import { registerInteropRoutes } from './interop/index.ts';
import { registerLiveEventRoutes } from './live-events-routes.ts';
import { registerApiTokenRoutes } from './resources/api-tokens.ts';
import { assignments } from './resources/assignments.ts';
import { baselines } from './resources/baselines.ts';
import { calendars } from './resources/calendars.ts';
import { changeRequests } from './resources/change-requests.ts';
import { comments } from './resources/comments.ts';
import { dependencies } from './resources/dependencies.ts';
import { registerInvitationRoutes } from './resources/invitations.ts';
import { registerMembershipRoutes } from './resources/memberships.ts';
import { registerProjectAccessRoute } from './resources/project-access.ts';
import { projectMembers } from './resources/project-members.ts';
import { registerProjectViewRoutes } from './resources/project-views.ts';
import { registerProjectSummaryRoute } from './summary/project-summary-route.ts';
import { registerCommunicationRoutes } from './communication/register-communication-routes.ts';
import { registerProjectRoutes } from './resources/projects.ts';
import { raidEntries } from './resources/raid-entries.ts';
import { registerResource } from './resources/register-resource.ts';
import { releases } from './resources/releases.ts';
import { requirements } from './resources/requirements.ts';
import { resources } from './resources/resources.ts';
import { sprints } from './resources/sprints.ts';
import { stakeholders } from './resources/stakeholders.ts';
import { registerUserRoutes } from './resources/users.ts';
import { workItems } from './resources/work-items.ts';
import { registerWorkspaceRoutes } from './resources/workspaces.ts';

/** The entities that live in a project, each with the same six routes. */
export const PROJECT_RESOURCES = [
  workItems,
  dependencies,
  calendars,
  resources,
  assignments,
  baselines,
  sprints,
  raidEntries,
  changeRequests,
  stakeholders,
  requirements,
  releases,
  comments,
  projectMembers,
];

export function registerRoutes(app: OpenAPIHono<AppEnv>, shutdown: AbortSignal): void {
  registerAuthRoutes(app);
  registerUserRoutes(app);
  registerWorkspaceRoutes(app);
  registerMembershipRoutes(app);
  registerInvitationRoutes(app);
  registerApiTokenRoutes(app);
  registerProjectRoutes(app);
  registerProjectViewRoutes(app);
  registerProjectAccessRoute(app);
  registerProjectSummaryRoute(app);
  registerLiveEventRoutes(app, shutdown);
  registerInteropRoutes(app);
  for (const def of PROJECT_RESOURCES) registerResource(app, def);
  registerEngineeringSignalRoutes(app);
  registerGovernanceRoutes(app);
  registerCommunicationRoutes(app);
}
