import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ModelCardContent } from '../../domain/card/model-card.js';

@Entity({ schema: 'model_registry', name: 'model_cards' })
export class ModelCardOrmEntity {
  @PrimaryColumn('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text') status!: 'draft' | 'final';
  @Column('jsonb') content!: ModelCardContent;
  @Column('uuid', { name: 'updated_by' }) updatedBy!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'finalized_at', nullable: true }) finalizedAt!: Date | null;
  @Column('integer') version!: number;
}
