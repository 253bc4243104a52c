import { describe, expect, it } from '@jest/globals';
import {
  FakeMembershipLookup,
  FakeProjectRepository,
} from '../../../../../test/support/user-management/fake-stores.js';
import { Project } from '../../domain/projects/project.js';
import type { AccessConfig } from '../config/user-management-config.js';
import { CachedApiKeyOwnerRoles } from './cached-api-key-owner-roles.js';

function arrange(apiKeyCacheTtlMs: number) {
  const projects = new FakeProjectRepository();
  const project = Project.create('vision', 'owner-1');
  project.setMember('member-1', 'editor');
  projects.add(project);
  const roles = new CachedApiKeyOwnerRoles(new FakeMembershipLookup(projects), { apiKeyCacheTtlMs } as AccessConfig);
  return { project, roles };
}

describe('the roles of API key owners', () => {
  it('keeps a role, and the lack of one, for the TTL', async () => {
    const { project, roles } = arrange(60_000);
    expect(await roles.roleOf('member-1', project.id)).toBe('editor');
    expect(await roles.roleOf('stranger', project.id)).toBeUndefined();

    project.removeMember('member-1');
    project.setMember('stranger', 'viewer');

    expect(await roles.roleOf('member-1', project.id)).toBe('editor');
    expect(await roles.roleOf('stranger', project.id)).toBeUndefined();
  });

  it('reads the membership every time when the TTL is 0', async () => {
    const { project, roles } = arrange(0);
    expect(await roles.roleOf('member-1', project.id)).toBe('editor');
    project.removeMember('member-1');
    expect(await roles.roleOf('member-1', project.id)).toBeUndefined();
  });
});
