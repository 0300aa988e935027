/** Engineering signals' routes (issue 6 §2–4): webhooks in, signals, DORA, SLOs, engineering state. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { registerDoraRoutes } from './dora-routes.ts';
import { registerHookConfigRoutes } from './hook-config-routes.ts';
import { registerHookReceiveRoutes } from './hook-receive-routes.ts';
import { registerSignalRoutes } from './signal-routes.ts';
import { registerSloRoutes } from './slo-routes.ts';

export function registerEngineeringSignalRoutes(app: OpenAPIHono<AppEnv>): void {
  registerHookReceiveRoutes(app);
  registerHookConfigRoutes(app);
  registerSignalRoutes(app);
  registerDoraRoutes(app);
  registerSloRoutes(app);
}
