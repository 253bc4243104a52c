import { Injectable } from '@nestjs/common';
import { AuditLog, type AuditAction, type RecordedAuditEntry } from '../../domain/audit/audit-entry.js';

/** The audit log for admins, newest first. */
@Injectable()
export class ListAuditEntriesHandler {
  constructor(private readonly audit: AuditLog) {}

  execute(
    filter: { action?: AuditAction; subjectId?: string },
    limit: number,
    cursor?: string,
  ): Promise<{ items: RecordedAuditEntry[]; nextCursor: string | null }> {
    return this.audit.list(filter, limit, cursor);
  }
}
