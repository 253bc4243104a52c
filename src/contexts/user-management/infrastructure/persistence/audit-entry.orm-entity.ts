import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AuditAction } from '../../domain/audit/audit-entry.js';

@Entity({ schema: 'user_management', name: 'audit_log' })
export class AuditEntryOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') action!: AuditAction;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('uuid', { name: 'project_id', nullable: true }) projectId!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('jsonb') details!: Record<string, string | number | boolean | null>;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
