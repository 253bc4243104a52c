import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, type RecordedAuditEntry } from '../../../domain/audit/audit-entry.js';

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) subjectId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
    description: 'Facts of the action, by name',
  })
  details!: Record<string, string | number | boolean | null>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;

  static of(entry: RecordedAuditEntry): AuditEntryResponse {
    return {
      id: entry.id,
      action: entry.action,
      actorId: entry.actorId,
      subjectId: entry.subjectId,
      projectId: entry.projectId ?? null,
      ip: entry.ip,
      details: entry.details ?? {},
      occurredAt: entry.occurredAt.toISOString(),
    };
  }
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: { items: readonly RecordedAuditEntry[]; nextCursor: string | null }): AuditPageResponse {
    return { items: page.items.map((entry) => AuditEntryResponse.of(entry)), nextCursor: page.nextCursor };
  }
}
