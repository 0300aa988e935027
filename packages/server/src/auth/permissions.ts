/**
 * Who may do what. Roles are per workspace; owners and admins see every project of their workspace,
 * everyone else only the projects they are a member of. Each API route declares one permission
 * (see `http/api-route.ts`), so the authorisation matrix can be tested route by route.
 */

export const ROLES = ['owner', 'admin', 'pm', 'tpm', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Anyone, signed in or not (sign-in, invitation acceptance, the OpenAPI document). */
  public: 'anyone',
  /** Any signed-in user, about themselves (profile, own API tokens, sign-out). */
  self: 'any signed-in user',
  /** See the workspace, its people and its project list. */
  'workspace:read': 'every role',
  /** Invite and remove people, change roles, rename the workspace. */
  'workspace:admin': 'owner, admin',
  /** Delete the workspace and everything in it. */
  'workspace:delete': 'owner',
  'project:create': 'owner, admin, pm, tpm',
  /** Read a project and everything in it. */
  'project:read': 'every role, on projects they may see',
  /** Update work, raise RAID entries, comment. */
  'project:contribute': 'owner, admin, pm, tpm, member',
  /** Plan: dependencies, calendars, resources, baselines, sprints, releases, memberships, settings. */
  'project:plan': 'owner, admin, pm, tpm',
  /** Delete a project. */
  'project:delete': 'owner, admin',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(Object.keys(PERMISSIONS) as Permission[]),
  admin: new Set((Object.keys(PERMISSIONS) as Permission[]).filter((p) => p !== 'workspace:delete')),
  pm: new Set<Permission>([
    'public',
    'self',
    'workspace:read',
    'project:create',
    'project:read',
    'project:contribute',
    'project:plan',
  ]),
  tpm: new Set<Permission>([
    'public',
    'self',
    'workspace:read',
    'project:create',
    'project:read',
    'project:contribute',
    'project:plan',
  ]),
  member: new Set<Permission>(['public', 'self', 'workspace:read', 'project:read', 'project:contribute']),
  viewer: new Set<Permission>(['public', 'self', 'workspace:read', 'project:read']),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** Permissions that apply to one project (checked against project membership as well as role). */
export function isProjectPermission(permission: Permission): boolean {
  return permission.startsWith('project:') && permission !== 'project:create';
}

/** Owners and admins see every project of their workspace without being members. */
export function seesAllProjects(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** Whether `role` may grant `target` to someone (nobody but an owner makes owners). */
export function mayAssignRole(role: Role, target: Role): boolean {
  if (role === 'owner') return true;
  return role === 'admin' && target !== 'owner';
}
