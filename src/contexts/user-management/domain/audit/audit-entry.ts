export const AUDIT_ACTIONS = [
  'user.registered',
  'user.updated',
  'user.password-changed',
  'user.email-changed',
  'user.disabled',
  'user.enabled',
  'login.succeeded',
  'login.failed',
  'login.throttled',
  'refresh-token.reused',
  'session.revoked',
  'project.created',
  'membership.changed',
  'api-key.created',
  'api-key.revoked',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One security-relevant fact: who did what to whom, from where, when. */
export interface AuditEntry {
  readonly action: AuditAction;
  /** Null when nobody is authenticated (a failed login). */
  readonly actorId: string | null;
  readonly subjectId: string | null;
  readonly projectId?: string | null;
  readonly ip: string | null;
  readonly details?: Record<string, string | number | boolean | null>;
}

export interface RecordedAuditEntry extends AuditEntry {
  readonly id: string;
  readonly occurredAt: Date;
}

/** Port: the append-only audit log; `record` joins the caller's transaction. */
export abstract class AuditLog {
  abstract record(entry: AuditEntry): Promise<void>;
  abstract list(
    filter: { action?: AuditAction; subjectId?: string },
    limit: number,
    cursor?: string,
  ): Promise<{ items: RecordedAuditEntry[]; nextCursor: string | null }>;
}
