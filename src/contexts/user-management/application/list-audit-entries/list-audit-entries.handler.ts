import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import type { AuditPage, ListAuditEntriesQuery } from './list-audit-entries.query.js';

/** The audit log for admins, newest first. */
@Injectable()
export class ListAuditEntriesHandler {
  constructor(private readonly audit: AuditLog) {}

  execute(query: ListAuditEntriesQuery): Promise<AuditPage> {
    return this.audit.list({ action: query.action, subjectId: query.subjectId }, query.limit, query.cursor);
  }
}
