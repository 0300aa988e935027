/** Governance routes (issue 7): RAID risk views and matrix, change control, scenarios, phase gates. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { registerResource } from '../resources/register-resource.ts';
import { registerChangeControlRoutes } from './change-control-routes.ts';
import { registerPhaseGateRoutes } from './phase-gate-routes.ts';
import { registerRiskRoutes } from './risk-routes.ts';
import { registerScenarioActionRoutes, scenarios } from './scenarios.ts';

export { scenarios };

export function registerGovernanceRoutes(app: OpenAPIHono<AppEnv>): void {
  registerRiskRoutes(app);
  registerChangeControlRoutes(app);
  registerResource(app, scenarios);
  registerScenarioActionRoutes(app);
  registerPhaseGateRoutes(app);
}
