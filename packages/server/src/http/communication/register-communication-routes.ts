/**
 * Issue 7 §5–8 over HTTP: communication plan, satisfaction scores, meetings and action items (the
 * usual six routes each), the communication views, action-item conversion, status reports and the
 * staffing advisor. `http/routes.ts` calls this once.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { registerResource } from '../resources/register-resource.ts';
import { actionItems } from './action-items.ts';
import { registerAdvisorRoutes } from './advisor-routes.ts';
import { communicationPlanEntries } from './communication-plan-entries.ts';
import { registerCommunicationViews } from './communication-views.ts';
import { registerConvertActionItem } from './convert-action-item.ts';
import { meetings } from './meetings.ts';
import { registerReportRoutes } from './report-routes.ts';
import { satisfactionScores } from './satisfaction-scores.ts';

export const COMMUNICATION_RESOURCES = [communicationPlanEntries, satisfactionScores, meetings, actionItems];

export function registerCommunicationRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const def of COMMUNICATION_RESOURCES) registerResource(app, def);
  registerCommunicationViews(app);
  registerConvertActionItem(app);
  registerReportRoutes(app);
  registerAdvisorRoutes(app);
}
