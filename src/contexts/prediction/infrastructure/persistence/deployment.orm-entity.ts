import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServingOptions } from '../../domain/deployment/serving-options.js';
import type { Variant } from '../../domain/deployment/variant.js';
import type { Routing } from '../../domain/routing/traffic-router.js';

@Entity({ schema: 'prediction', name: 'deployments' })
export class DeploymentOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('jsonb') routing!: Routing;
  // Read and written whole with the deployment: a split is never half changed.
  @Column('jsonb') variants!: Variant[];
  @Column('jsonb') serving!: ServingOptions;
  @Column('text') status!: string;
  @Column('integer') version!: number;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
