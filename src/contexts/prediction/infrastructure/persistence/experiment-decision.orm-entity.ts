import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'prediction', name: 'experiment_decisions' })
export class ExperimentDecisionOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'deployment_id' }) deploymentId!: string;
  @Column('text') alias!: string;
  @Column('text', { name: 'model_name' }) modelName!: string;
  @Column('text', { name: 'winner_variant' }) winnerVariant!: string;
  @Column('uuid', { name: 'from_version_id', nullable: true }) fromVersionId!: string | null;
  @Column('uuid', { name: 'to_version_id' }) toVersionId!: string;
  @Column('double precision', { name: 'p_value' }) pValue!: number;
  @Column('double precision') difference!: number;
  @Column('text') outcome!: 'moved' | 'refused';
  @Column('text') reason!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
