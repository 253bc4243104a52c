import { ConcurrencyError } from '@libs/ddd';
import type { ProjectRole } from '../../../src/contexts/user-management/domain/access/permission.js';
import { ApiKeyOwnerRoles } from '../../../src/contexts/user-management/application/ports/api-key-owner-roles.js';
import type { ApiKey } from '../../../src/contexts/user-management/domain/api-keys/api-key.js';
import {
  ApiKeyRepository,
  type ApiKeyCredential,
} from '../../../src/contexts/user-management/domain/api-keys/api-key.repository.js';
import type { Project } from '../../../src/contexts/user-management/domain/projects/project.js';
import {
  MembershipLookup,
  ProjectRepository,
  type ProjectSummary,
} from '../../../src/contexts/user-management/domain/projects/project.repository.js';
import type {
  FamilyEndReason,
  RefreshTokenFamily,
} from '../../../src/contexts/user-management/domain/sessions/refresh-token-family.js';
import { RefreshTokenFamilyRepository } from '../../../src/contexts/user-management/domain/sessions/refresh-token-family.repository.js';
import type { Email } from '../../../src/contexts/user-management/domain/users/email.js';
import type { User } from '../../../src/contexts/user-management/domain/users/user.js';
import { UserRepository, type UserPage } from '../../../src/contexts/user-management/domain/users/user.repository.js';

/** In-memory repositories holding real aggregates; `saved` lists every save, in order. */
export class FakeUserRepository extends UserRepository {
  readonly byId = new Map<string, User>();
  readonly saved: User[] = [];

  add(...users: User[]): this {
    for (const user of users) this.byId.set(user.id, user);
    return this;
  }
  findById(id: string): Promise<User | undefined> {
    return Promise.resolve(this.byId.get(id));
  }
  findByEmail(email: Email): Promise<User | undefined> {
    return Promise.resolve([...this.byId.values()].find((user) => user.email?.value === email.value));
  }
  list(limit: number, cursor?: string): Promise<UserPage> {
    const all = [...this.byId.values()];
    const start = cursor ? all.findIndex((user) => user.id === cursor) + 1 : 0;
    const items = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return Promise.resolve({ items, nextCursor: more ? items[items.length - 1].id : null });
  }
  countAdmins(): Promise<number> {
    return Promise.resolve([...this.byId.values()].filter((user) => user.isAdmin).length);
  }
  save(user: User): Promise<void> {
    this.byId.set(user.id, user);
    this.saved.push(user);
    return Promise.resolve();
  }
}

/** Finds a family by any hash it ever held, as the real one does to detect replays. */
export class FakeRefreshTokenFamilyRepository extends RefreshTokenFamilyRepository {
  readonly byId = new Map<string, RefreshTokenFamily>();
  readonly hashes = new Map<string, string>();
  readonly saved: RefreshTokenFamily[] = [];
  readonly revoked: { userId: string; id: string; reason: FamilyEndReason }[] = [];
  /** How many of the next saves lose to a concurrent writer. */
  conflictsAhead = 0;

  add(family: RefreshTokenFamily): this {
    this.byId.set(family.id, family);
    this.hashes.set(family.currentTokenHash, family.id);
    return this;
  }
  findByTokenHash(tokenHash: string): Promise<RefreshTokenFamily | undefined> {
    const id = this.hashes.get(tokenHash);
    return Promise.resolve(id === undefined ? undefined : this.byId.get(id));
  }
  findById(id: string): Promise<RefreshTokenFamily | undefined> {
    return Promise.resolve(this.byId.get(id));
  }
  save(family: RefreshTokenFamily): Promise<void> {
    if (this.conflictsAhead > 0) {
      this.conflictsAhead -= 1;
      return Promise.reject(new ConcurrencyError('RefreshTokenFamily', family.id));
    }
    this.add(family);
    this.saved.push(family);
    return Promise.resolve();
  }
  revoke(userId: string, id: string, reason: FamilyEndReason, now: Date): Promise<void> {
    this.byId.get(id)?.revoke(reason, now);
    this.revoked.push({ userId, id, reason });
    return Promise.resolve();
  }
  revokeAllOf(userId: string, reason: FamilyEndReason, now: Date, except?: string): Promise<string[]> {
    const ids = [...this.byId.values()]
      .filter((family) => family.userId === userId && family.id !== except && family.isLive(now))
      .map((family) => family.id);
    for (const id of ids) void this.revoke(userId, id, reason, now);
    return Promise.resolve(ids);
  }
}

export class FakeApiKeyRepository extends ApiKeyRepository {
  readonly byId = new Map<string, ApiKeyCredential>();
  readonly saved: ApiKey[] = [];
  readonly uses: string[] = [];

  add(key: ApiKey, owner: { active?: boolean; admin?: boolean } = {}): this {
    this.byId.set(key.id, { key, ownerActive: owner.active ?? true, ownerIsAdmin: owner.admin ?? false });
    return this;
  }
  findBySecretHash(secretHash: string): Promise<ApiKeyCredential | undefined> {
    return Promise.resolve([...this.byId.values()].find((found) => found.key.snapshot.secretHash === secretHash));
  }
  findById(id: string): Promise<ApiKey | undefined> {
    return Promise.resolve(this.byId.get(id)?.key);
  }
  listOwnedBy(ownerIds: readonly string[]): Promise<ApiKey[]> {
    const keys = [...this.byId.values()].map((found) => found.key);
    return Promise.resolve(keys.filter((key) => ownerIds.includes(key.snapshot.ownerId)));
  }
  save(key: ApiKey): Promise<void> {
    if (!this.byId.has(key.id)) this.add(key);
    this.saved.push(key);
    return Promise.resolve();
  }
  noteUse(id: string): Promise<void> {
    this.uses.push(id);
    return Promise.resolve();
  }
}

export class FakeProjectRepository extends ProjectRepository {
  readonly byId = new Map<string, Project>();
  readonly saved: Project[] = [];

  add(...projects: Project[]): this {
    for (const project of projects) this.byId.set(project.id, project);
    return this;
  }
  findById(id: string): Promise<Project | undefined> {
    return Promise.resolve(this.byId.get(id));
  }
  listVisibleTo(
    userId: string,
    isAdmin: boolean,
    limit: number,
  ): Promise<{ items: ProjectSummary[]; nextCursor: null }> {
    const visible = [...this.byId.values()].filter((project) => isAdmin || project.roleOf(userId) !== undefined);
    const items = visible.slice(0, limit).map((project) => ({
      id: project.id,
      name: project.name,
      createdAt: project.createdAt,
      role: project.roleOf(userId),
    }));
    return Promise.resolve({ items, nextCursor: null });
  }
  save(project: Project): Promise<void> {
    this.byId.set(project.id, project);
    this.saved.push(project);
    return Promise.resolve();
  }
}

/** Reads memberships from the projects the fake repository holds, so one arrangement serves both ports. */
export class FakeMembershipLookup extends MembershipLookup {
  constructor(private readonly projects: FakeProjectRepository) {
    super();
  }
  roleOf(userId: string, projectId: string): Promise<ProjectRole | undefined> {
    return Promise.resolve(this.projects.byId.get(projectId)?.roleOf(userId));
  }
  projectExists(projectId: string): Promise<boolean> {
    return Promise.resolve(this.projects.byId.has(projectId));
  }
}

/** API key owners' roles read fresh every time, as with no cache at all. */
export class FreshApiKeyOwnerRoles extends ApiKeyOwnerRoles {
  constructor(private readonly memberships: MembershipLookup) {
    super();
  }
  roleOf(ownerId: string, projectId: string): Promise<ProjectRole | undefined> {
    return this.memberships.roleOf(ownerId, projectId);
  }
}
