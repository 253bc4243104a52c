/** A logged-in device: what the Redis session store keeps and what a user sees of their sessions. */
export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly isAdmin: boolean;
  readonly device: string;
  readonly ip: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date;
  readonly expiresAt: Date;
}

/** Whether a session went unused longer than `idleMs` (its use is noted to the minute). */
export function isIdle(session: Session, now: Date, idleMs: number): boolean {
  return now.getTime() - session.lastUsedAt.getTime() > idleMs;
}

/**
 * Port: the live sessions, checked on every request so that logout, disable and password
 * change take effect at once rather than when the access token expires.
 */
export abstract class SessionStore {
  abstract create(session: Session): Promise<void>;
  /** The session if it is still live; also notes its use (at most once a minute). */
  abstract touch(userId: string, sessionId: string, now: Date): Promise<Session | undefined>;
  abstract find(userId: string, sessionId: string): Promise<Session | undefined>;
  abstract listOf(userId: string): Promise<Session[]>;
  /** Returns whether the session existed. */
  abstract revoke(userId: string, sessionId: string): Promise<boolean>;
  /** Ends every session of a user but `except`; returns the ids ended. */
  abstract revokeAll(userId: string, except?: string): Promise<string[]>;
}
