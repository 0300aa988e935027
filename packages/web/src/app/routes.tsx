// The route tree. Every page is a lazy chunk (`lazyRouteComponent`), so the first load stays small.
//
//   /sign-in                         sign in (public)
//   /                                portfolio home
//   /projects/$projectId?lens=pm|tpm project overview with its lens
//   /projects/$projectId/<page>      gantt, board, backlog, grid, raid, changes, stakeholders,
//                                    requirements, resources, budget (src/pages/<page>/index.tsx)
//
// To add a page: create src/pages/<name>/index.tsx (default export), add a `pageRoute` line below and
// an entry in project-pages.ts.
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { meQuery } from '../api/session.ts';
import { AppLayout } from './AppLayout.tsx';
import { NotFound } from './NotFound.tsx';
import { ProjectLayout } from './ProjectLayout.tsx';
import { RootLayout } from './RootLayout.tsx';
import { RouteError } from './RouteError.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

export type Lens = 'pm' | 'tpm';

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; link?: 'invalid' } => ({
    ...(typeof search.redirect === 'string' && search.redirect.startsWith('/')
      ? { redirect: search.redirect }
      : {}),
    // A one-time link that failed (the server sends the browser here).
    ...(search.link === 'invalid' ? { link: 'invalid' as const } : {}),
  }),
  component: lazyRouteComponent(() => import('../pages/sign-in/index.tsx')),
});

/** Everything behind sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      const target = location.href === '/' ? undefined : location.href;
      throw redirect({ to: '/sign-in', search: target ? { redirect: target } : {} });
    }
    return { me };
  },
  component: AppLayout,
  errorComponent: RouteError,
});

const portfolioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../pages/portfolio/index.tsx')),
});

export const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projects/$projectId',
  component: ProjectLayout,
  errorComponent: RouteError,
});

const overviewRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): { lens?: Lens } =>
    search.lens === 'pm' || search.lens === 'tpm' ? { lens: search.lens } : {},
  component: lazyRouteComponent(() => import('../pages/overview/index.tsx')),
});

function pageRoute<P extends string>(path: P, load: () => Promise<{ default: ComponentType }>) {
  return createRoute({
    getParentRoute: () => projectRoute,
    path,
    component: lazyRouteComponent(load),
    errorComponent: RouteError,
  });
}

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    portfolioRoute,
    projectRoute.addChildren([
      overviewRoute,
      pageRoute('gantt', () => import('../pages/gantt/index.tsx')),
      pageRoute('board', () => import('../pages/board/index.tsx')),
      pageRoute('backlog', () => import('../pages/backlog/index.tsx')),
      pageRoute('grid', () => import('../pages/grid/index.tsx')),
      pageRoute('raid', () => import('../pages/raid/index.tsx')),
      pageRoute('changes', () => import('../pages/changes/index.tsx')),
      pageRoute('stakeholders', () => import('../pages/stakeholders/index.tsx')),
      pageRoute('requirements', () => import('../pages/requirements/index.tsx')),
      pageRoute('resources', () => import('../pages/resources/index.tsx')),
      pageRoute('budget', () => import('../pages/budget/index.tsx')),
      pageRoute('gates', () => import('../pages/gates/index.tsx')),
      pageRoute('scenarios', () => import('../pages/scenarios/index.tsx')),
      pageRoute('governance', () => import('../pages/governance/index.tsx')),
      pageRoute('reports', () => import('../pages/reports/index.tsx')),
      pageRoute('advisor', () => import('../pages/advisor/index.tsx')),
      pageRoute('meetings', () => import('../pages/meetings/index.tsx')),
      pageRoute('engineering', () => import('../pages/engineering/index.tsx')),
      pageRoute('integrations', () => import('../pages/integrations/index.tsx')),
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
