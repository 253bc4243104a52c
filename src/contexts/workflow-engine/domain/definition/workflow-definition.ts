import { AggregateRoot, newId, type DomainEvent } from '@libs/ddd';
import type { DefinitionSpec } from './definition-spec.js';
import type { WorkflowVersion } from './workflow-version.js';

export type DefinitionEvent = DomainEvent &
  (
    | { readonly name: 'workflow-version-added'; readonly workflowId: string; readonly version: number }
    | { readonly name: 'workflow-paused' | 'workflow-unpaused'; readonly workflowId: string }
  );

/**
 * A workflow of a project and its versions. Versions are immutable: an update appends version N+1,
 * and earlier ones stay readable through the repository for the runs pinned to them. The aggregate
 * holds the latest version only, so loading it stays cheap however long the history is.
 *
 * A paused workflow keeps its schedule and triggers but neither starts runs (Airflow's paused DAG,
 * Prefect's paused deployment): slots that come due meanwhile wait for the schedule's catch-up policy
 * at unpause, and events meanwhile are passed over. Runs started by hand or by a backfill still run.
 */
export class WorkflowDefinition extends AggregateRoot {
  private constructor(
    id: string,
    readonly projectId: string,
    private current: WorkflowVersion,
    readonly createdAt: Date,
    version: number,
    private paused?: Date,
  ) {
    super(id, version);
  }

  static create(projectId: string, spec: DefinitionSpec, now: Date, author?: string): WorkflowDefinition {
    const id = newId();
    const definition = new WorkflowDefinition(
      id,
      projectId,
      { workflowId: id, number: 1, spec, createdAt: now, ...(author !== undefined && { createdBy: author }) },
      now,
      0,
    );
    definition.recordVersion(now);
    return definition;
  }

  static restore(
    id: string,
    projectId: string,
    latest: WorkflowVersion,
    createdAt: Date,
    version: number,
    pausedAt?: Date,
  ): WorkflowDefinition {
    return new WorkflowDefinition(id, projectId, latest, createdAt, version, pausedAt);
  }

  get name(): string {
    return this.current.spec.name;
  }

  get latest(): WorkflowVersion {
    return this.current;
  }

  /** When the workflow was paused; undefined while it is active. */
  get pausedAt(): Date | undefined {
    return this.paused;
  }

  /**
   * Pauses (`true`) or unpauses the workflow; answers whether that changed anything. Pausing a paused
   * workflow keeps its first pause time and records nothing.
   */
  setPaused(paused: boolean, now: Date): boolean {
    if ((this.paused !== undefined) === paused) return false;
    this.paused = paused ? now : undefined;
    const event: DefinitionEvent = {
      name: paused ? 'workflow-paused' : 'workflow-unpaused',
      occurredAt: now,
      workflowId: this.id,
    };
    this.record(event);
    return true;
  }

  update(spec: DefinitionSpec, now: Date, author?: string): WorkflowVersion {
    const number = this.current.number + 1;
    this.current = {
      workflowId: this.id,
      number,
      spec,
      createdAt: now,
      ...(author !== undefined && { createdBy: author }),
    };
    this.recordVersion(now);
    return this.current;
  }

  private recordVersion(now: Date): void {
    const event: DefinitionEvent = {
      name: 'workflow-version-added',
      occurredAt: now,
      workflowId: this.id,
      version: this.current.number,
    };
    this.record(event);
  }
}
