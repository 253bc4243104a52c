import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideAccess, type AccessDecision } from './access-decision.js';
import { PERMISSIONS, PROJECT_ROLES, type Permission, type ProjectRole } from './permission.js';

// The reference model, written out by hand: what each role may do, as a table.
const TABLE: Record<ProjectRole, readonly Permission[]> = {
  viewer: [
    'project:read',
    'workflow:read',
    'dataset:read',
    'model:read',
    'deployment:read',
    'monitoring:read',
    'webhook:read',
  ],
  editor: [
    'project:read',
    'workflow:read',
    'dataset:read',
    'model:read',
    'deployment:read',
    'monitoring:read',
    'webhook:read',
    'workflow:write',
    'workflow:run',
    'dataset:write',
    'pipeline:run',
    'model:write',
    'deployment:write',
    'prediction:invoke',
    'monitoring:write',
    'webhook:write',
  ],
  owner: PERMISSIONS,
};

interface World {
  readonly admins: ReadonlySet<number>;
  /** memberships[user][project] */
  readonly roles: ReadonlyMap<string, ProjectRole>;
}

function reference(
  world: World,
  user: number,
  key: { project: number; permissions: Permission[] } | undefined,
  project: number,
  permission: Permission,
): AccessDecision {
  const role = world.roles.get(`${user}:${project}`);
  const admin = world.admins.has(user);
  if (key && key.project !== project) return 'hidden';
  if (!admin && !role) return 'hidden';
  const ownerMay = admin || (role !== undefined && TABLE[role].includes(permission));
  const keyMay = key === undefined || key.permissions.includes(permission);
  return ownerMay && keyMay ? 'allowed' : 'denied';
}

const USERS = 4;
const PROJECTS = 3;
const permission = fc.constantFrom(...PERMISSIONS);
const world = fc.record({
  admins: fc.uniqueArray(fc.nat(USERS - 1), { maxLength: 2 }).map((list) => new Set(list)),
  roles: fc
    .array(fc.tuple(fc.nat(USERS - 1), fc.nat(PROJECTS - 1), fc.constantFrom(...PROJECT_ROLES)), { maxLength: 12 })
    .map((entries) => new Map(entries.map(([user, project, role]) => [`${user}:${project}`, role]))),
});
const apiKey = fc.option(
  fc.record({ project: fc.nat(PROJECTS - 1), permissions: fc.uniqueArray(permission, { minLength: 1, maxLength: 5 }) }),
  { nil: undefined },
);

describe('permission evaluation', () => {
  it('matches the reference model over random roles, admins, projects and API key scopes', () => {
    fc.assert(
      fc.property(
        world,
        fc.nat(USERS - 1),
        apiKey,
        fc.nat(PROJECTS - 1),
        permission,
        (world, user, key, project, wanted) => {
          const decision = decideAccess(
            {
              isAdmin: world.admins.has(user),
              scope: key && { projectId: `p${key.project}`, permissions: key.permissions },
            },
            world.roles.get(`${user}:${project}`),
            `p${project}`,
            wanted,
          );
          expect(decision).toBe(reference(world, user, key, project, wanted));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never lets an API key exceed its scope, even for an admin', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_ROLES), permission, permission, (role, granted, wanted) => {
        fc.pre(granted !== wanted);
        const scope = { projectId: 'p', permissions: [granted] };
        expect(decideAccess({ isAdmin: true, scope }, role, 'p', wanted)).toBe('denied');
      }),
    );
  });
});
