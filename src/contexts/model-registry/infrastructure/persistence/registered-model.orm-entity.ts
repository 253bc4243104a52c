import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PromotionRule } from '../../domain/promotion/promotion-rule.js';

@Entity({ schema: 'model_registry', name: 'models' })
export class RegisteredModelOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('jsonb') tags!: Record<string, string>;
  @Column('text', { name: 'protected_aliases', array: true }) protectedAliases!: string[];
  @Column('jsonb', { name: 'promotion_policies' }) promotionPolicies!: Record<string, PromotionRule[]>;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('integer') version!: number;
}
