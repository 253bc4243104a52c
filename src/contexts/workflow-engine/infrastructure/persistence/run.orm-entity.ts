import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject, JsonValue } from '../../domain/json-value.js';
import type { RunState } from '../../domain/run/run-state.js';
import type { TaskRunState } from '../../domain/run/task-run-state.js';

@Entity({ schema: 'workflow_engine', name: 'runs' })
export class RunOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'workflow_id' }) workflowId!: string;
  @Column('integer', { name: 'workflow_version' }) workflowVersion!: number;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') state!: RunState;
  @Column('jsonb') params!: JsonObject;
  @Column('jsonb') trigger!: JsonValue;
  @Column('uuid', { name: 'rerun_of', nullable: true }) rerunOf!: string | null;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('integer') version!: number;
}

@Entity({ schema: 'workflow_engine', name: 'task_runs' })
export class TaskRunOrmEntity {
  @PrimaryColumn('uuid', { name: 'run_id' }) runId!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text', { name: 'task_id' }) taskId!: string;
  @Column('integer', { name: 'item_index', nullable: true }) itemIndex!: number | null;
  @Column('jsonb', { nullable: true }) item!: JsonValue | null;
  @Column('integer', { nullable: true }) items!: number | null;
  @Column('text') state!: TaskRunState;
  @Column('integer') attempt!: number;
  @Column('jsonb', { nullable: true }) input!: JsonValue | null;
  @Column('jsonb', { nullable: true }) outputs!: JsonValue | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('timestamptz', { name: 'retry_at', nullable: true }) retryAt!: Date | null;
  @Column('text', { name: 'reused_from', nullable: true }) reusedFrom!: 'cache' | 'previous-run' | null;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
}

/** Append-only: a row per state change of a run (`taskRunKey` null) or of one of its task runs. */
@Entity({ schema: 'workflow_engine', name: 'transitions' })
export class TransitionOrmEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) seq!: string;
  @Column('uuid', { name: 'run_id' }) runId!: string;
  @Column('text', { name: 'task_run_key', nullable: true }) taskRunKey!: string | null;
  @Column('text', { name: 'from_state' }) fromState!: string;
  @Column('text', { name: 'to_state' }) toState!: string;
  @Column('integer', { nullable: true }) attempt!: number | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('timestamptz') at!: Date;
}
