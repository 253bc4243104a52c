import { AggregateRoot, newId, ValidationError } from '@libs/ddd';
import type { Permission } from '../access/permission.js';

export interface ApiKeyState {
  readonly id: string;
  readonly ownerId: string;
  readonly projectId: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
  /** SHA-256 of the secret: the secret is 256 random bits, so a slow hash would add nothing. */
  readonly secretHash: string;
  /** The first characters of the secret, so people can tell their keys apart. */
  readonly prefix: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly version: number;
}

/** A machine credential scoped to one project and a subset of its owner's permissions. */
export class ApiKey extends AggregateRoot {
  private constructor(
    private state: Omit<ApiKeyState, 'version'>,
    version: number,
  ) {
    super(state.id, version);
  }

  static issue(input: {
    ownerId: string;
    projectId: string;
    name: string;
    permissions: readonly Permission[];
    secretHash: string;
    prefix: string;
    createdBy: string;
    expiresAt: Date | null;
    now: Date;
  }): ApiKey {
    if (input.permissions.length === 0) {
      throw new ValidationError('An API key needs at least one permission', [
        { field: 'permissions', message: 'must not be empty' },
      ]);
    }
    if (input.expiresAt && input.expiresAt <= input.now) {
      throw new ValidationError('Expiry is in the past', [{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    return new ApiKey(
      {
        id: newId(),
        ownerId: input.ownerId,
        projectId: input.projectId,
        name: input.name.trim() || 'unnamed',
        permissions: [...new Set(input.permissions)],
        secretHash: input.secretHash,
        prefix: input.prefix,
        createdBy: input.createdBy,
        createdAt: input.now,
        expiresAt: input.expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      },
      0,
    );
  }

  static restore(state: ApiKeyState): ApiKey {
    return new ApiKey(state, state.version);
  }

  get snapshot(): Omit<ApiKeyState, 'version'> {
    return this.state;
  }

  isUsable(now: Date): boolean {
    return this.state.revokedAt === null && (this.state.expiresAt === null || now < this.state.expiresAt);
  }

  revoke(now: Date): void {
    if (this.state.revokedAt === null) this.state = { ...this.state, revokedAt: now };
  }
}
