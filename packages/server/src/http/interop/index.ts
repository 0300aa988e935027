/** Import, export and calendar feed routes (issue 6), registered with one call. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { registerCalendarFeedRoutes } from './calendar-feed-routes.ts';
import { registerExportRoutes } from './export-routes.ts';
import { registerImportRoutes } from './import-routes.ts';

export { IMPORT_BODY_LIMIT, importJobRunner, isImportUpload } from './import-routes.ts';

export function registerInteropRoutes(app: OpenAPIHono<AppEnv>): void {
  registerImportRoutes(app);
  registerExportRoutes(app);
  registerCalendarFeedRoutes(app);
}
