import { AggregateRoot } from '@libs/ddd';
import { RefreshTokenReused, Unauthenticated } from '../errors.js';

export type FamilyEndReason = 'logout' | 'reuse' | 'revoked' | 'password-changed' | 'disabled';

export interface RefreshTokenFamilyState {
  readonly id: string;
  readonly userId: string;
  readonly currentTokenHash: string;
  readonly generation: number;
  readonly createdAt: Date;
  /** Absolute end: rotation never extends it (ASVS 7.3.2). */
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedReason: FamilyEndReason | null;
  readonly version: number;
}

/**
 * The chain of refresh tokens of one session (Auth0's rotation model): only the newest token
 * of the chain is live, each use replaces it, and presenting an older one means the chain
 * leaked, so the whole family is revoked. Its id is the session id.
 */
export class RefreshTokenFamily extends AggregateRoot {
  private constructor(
    private state: Omit<RefreshTokenFamilyState, 'version'>,
    version: number,
  ) {
    super(state.id, version);
  }

  static start(input: {
    sessionId: string;
    userId: string;
    tokenHash: string;
    now: Date;
    lifetimeMs: number;
  }): RefreshTokenFamily {
    return new RefreshTokenFamily(
      {
        id: input.sessionId,
        userId: input.userId,
        currentTokenHash: input.tokenHash,
        generation: 1,
        createdAt: input.now,
        expiresAt: new Date(input.now.getTime() + input.lifetimeMs),
        revokedAt: null,
        revokedReason: null,
      },
      0,
    );
  }

  static restore(state: RefreshTokenFamilyState): RefreshTokenFamily {
    return new RefreshTokenFamily(state, state.version);
  }

  get userId(): string {
    return this.state.userId;
  }
  get currentTokenHash(): string {
    return this.state.currentTokenHash;
  }
  get generation(): number {
    return this.state.generation;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get expiresAt(): Date {
    return this.state.expiresAt;
  }
  get revokedAt(): Date | null {
    return this.state.revokedAt;
  }
  get revokedReason(): FamilyEndReason | null {
    return this.state.revokedReason;
  }

  isLive(now: Date): boolean {
    return this.state.revokedAt === null && now < this.state.expiresAt;
  }

  /**
   * Spends `presentedHash` and makes `nextHash` the only live token. A token that is not the
   * current one revokes the family before failing, so the thief's and the victim's newer
   * tokens both stop working.
   */
  rotate(presentedHash: string, nextHash: string, now: Date): void {
    if (this.state.revokedAt !== null) throw new Unauthenticated('This session has ended');
    if (presentedHash !== this.state.currentTokenHash) {
      this.revoke('reuse', now);
      throw new RefreshTokenReused();
    }
    if (now >= this.state.expiresAt) throw new Unauthenticated('This session has expired; log in again');
    this.state = { ...this.state, currentTokenHash: nextHash, generation: this.state.generation + 1 };
  }

  revoke(reason: FamilyEndReason, now: Date): void {
    if (this.state.revokedAt !== null) return;
    this.state = { ...this.state, revokedAt: now, revokedReason: reason };
  }
}
