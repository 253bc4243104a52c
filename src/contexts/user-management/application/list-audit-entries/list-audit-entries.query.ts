import type { AuditAction, RecordedAuditEntry } from '../../domain/audit/audit-entry.js';

export interface ListAuditEntriesQuery {
  readonly action?: AuditAction;
  readonly subjectId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface AuditPage {
  readonly items: RecordedAuditEntry[];
  readonly nextCursor: string | null;
}
