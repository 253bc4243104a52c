import type { FamilyEndReason, RefreshTokenFamily } from './refresh-token-family.js';

/** Port: refresh token families, findable by any token ever issued in them (to detect replays). */
export abstract class RefreshTokenFamilyRepository {
  abstract findByTokenHash(tokenHash: string): Promise<RefreshTokenFamily | undefined>;
  abstract findById(id: string): Promise<RefreshTokenFamily | undefined>;
  /** Stores the family and remembers its current token hash; ConcurrencyError on a stale version. */
  abstract save(family: RefreshTokenFamily): Promise<void>;
  /** Revokes one family of the user whatever its version (idempotent): ending wins over any concurrent rotation. */
  abstract revoke(userId: string, id: string, reason: FamilyEndReason, now: Date): Promise<void>;
  /** Revokes every live family of a user (password change, disable); returns their ids. */
  abstract revokeAllOf(userId: string, reason: FamilyEndReason, now: Date, except?: string): Promise<string[]>;
}
