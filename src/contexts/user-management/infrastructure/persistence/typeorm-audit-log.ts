import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import {
  AuditLog,
  type AuditAction,
  type AuditEntry,
  type RecordedAuditEntry,
} from '../../domain/audit/audit-entry.js';
import { AmbientTransaction } from '@libs/platform';
import { AuditEntryOrmEntity } from './audit-entry.orm-entity.js';

/** Append-only: rows are inserted in the use case's transaction and never updated. */
@Injectable()
export class TypeOrmAuditLog extends AuditLog {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.scope
      .manager()
      .getRepository(AuditEntryOrmEntity)
      .insert({
        id: newId(),
        action: entry.action,
        actorId: entry.actorId,
        subjectId: entry.subjectId,
        projectId: entry.projectId ?? null,
        ip: entry.ip,
        details: entry.details ?? {},
        occurredAt: new Date(),
      });
  }

  async list(
    filter: { action?: AuditAction; subjectId?: string },
    limit: number,
    cursor?: string,
  ): Promise<{ items: RecordedAuditEntry[]; nextCursor: string | null }> {
    const query = this.scope
      .manager()
      .getRepository(AuditEntryOrmEntity)
      .createQueryBuilder('entry')
      .orderBy('entry.id', 'DESC')
      .take(limit + 1);
    if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
    if (filter.subjectId) query.andWhere('entry.subject_id = :subject', { subject: filter.subjectId });
    if (cursor) query.andWhere('entry.id < :cursor', { cursor });
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
