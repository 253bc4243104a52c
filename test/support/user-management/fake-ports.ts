import { CurrentPassword } from '../../../src/contexts/user-management/application/services/current-password.js';
import { SessionTermination } from '../../../src/contexts/user-management/application/services/session-termination.js';
import { UserRegistration } from '../../../src/contexts/user-management/application/services/user-registration.js';
import {
  FakeAccessTokens,
  FakeAccessTokenVerifier,
  FakeAuditLog,
  FakeAuthSettings,
  FakeCommonPasswords,
  FakeEventPublisher,
  FakeLoginAttempts,
  FakePasswordHasher,
  FakeSecretTokens,
  FakeSessionLimits,
  FakeSessionStore,
  FakeTransaction,
} from './fake-services.js';
import {
  FakeApiKeyRepository,
  FakeMembershipLookup,
  FakeProjectRepository,
  FakeRefreshTokenFamilyRepository,
  FakeUserRepository,
  FreshApiKeyOwnerRoles,
} from './fake-stores.js';

/** Every port of user management, faked in memory; a spec arranges real aggregates in them. */
export function fakeUserManagementPorts() {
  const projects = new FakeProjectRepository();
  const ports = {
    users: new FakeUserRepository(),
    hasher: new FakePasswordHasher(),
    commonPasswords: new FakeCommonPasswords(),
    attempts: new FakeLoginAttempts(),
    families: new FakeRefreshTokenFamilyRepository(),
    sessions: new FakeSessionStore(),
    accessTokens: new FakeAccessTokens(),
    verifier: new FakeAccessTokenVerifier(),
    secrets: new FakeSecretTokens(),
    settings: new FakeAuthSettings(),
    limits: new FakeSessionLimits(),
    transaction: new FakeTransaction(),
    audit: new FakeAuditLog(),
    events: new FakeEventPublisher(),
    keys: new FakeApiKeyRepository(),
    projects,
    memberships: new FakeMembershipLookup(projects),
  };
  const keyOwnerRoles = new FreshApiKeyOwnerRoles(ports.memberships);
  return {
    ...ports,
    keyOwnerRoles,
    // The real application services over the fakes: several handlers share them.
    termination: new SessionTermination(ports.sessions, ports.families, ports.transaction, ports.audit, ports.events),
    currentPassword: new CurrentPassword(ports.users, ports.hasher),
    registration: new UserRegistration(
      ports.users,
      ports.hasher,
      ports.commonPasswords,
      ports.settings,
      ports.transaction,
      ports.audit,
      ports.events,
    ),
  };
}

export type FakeUserManagementPorts = ReturnType<typeof fakeUserManagementPorts>;
