/**
 * What every request handler can reach: the app's dependencies and, once authenticated, the principal
 * and (on project routes) the project access that was checked.
 */
import type { Kysely } from 'kysely';
import type { ApiError } from './api-error.ts';
import type { Logger } from 'pino';
import type { Role } from '../auth/permissions.ts';
import type { Database } from '../db/schema.ts';
import type { Engine } from '../db/open-database.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { PasswordHashing } from '../auth/password.ts';
import type { RateLimiter } from '../auth/rate-limiter.ts';
import type { PlanCache } from './plan-cache.ts';

export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  logger: Logger;
  clock: () => Date;
  events: EventBus;
  passwordHashing: PasswordHashing;
  signInLimiter: RateLimiter;
  /** Set `Secure` on cookies: always, never, or when the request came over HTTPS. */
  secureCookies: boolean | 'auto';
  /** Loaded plans and schedules, checked against the project's plan revision on every use. */
  plans: PlanCache;
}

/** Who is calling: a signed-in user, by session cookie or API token. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  sessionId?: string;
  /** Session's CSRF token (double-submit). */
  csrfToken?: string;
  tokenId?: string;
  /** The active workspace and the user's role in it; absent when the user belongs to none. */
  workspaceId?: string;
  role?: Role;
}

/** The project an authorised project route acts on, and the role the caller has there. */
export interface ProjectAccess {
  projectId: string;
  role: Role;
  /** The project's `plan_revision` as the check read it (a read's plan is current at that revision). */
  planRevision: number;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    principal: Principal | undefined;
    access: ProjectAccess | undefined;
    /** Why a credential that was sent was not accepted (told to protected routes). */
    authProblem: ApiError | undefined;
    /** The row a route's authorisation loaded to find its project (reused by the handler). */
    entity: Record<string, unknown> | undefined;
  };
}
