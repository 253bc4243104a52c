import { AggregateRoot, newId, type DomainEvent } from '@libs/ddd';
import type { DefinitionSpec } from './definition-spec.js';
import type { WorkflowVersion } from './workflow-version.js';

export type DefinitionEvent = DomainEvent & {
  readonly name: 'workflow-version-added';
  readonly workflowId: string;
  readonly version: number;
};

/**
 * A workflow of a project and its versions. Versions are immutable: an update appends version N+1,
 * and earlier ones stay readable through the repository for the runs pinned to them. The aggregate
 * holds the latest version only, so loading it stays cheap however long the history is.
 */
export class WorkflowDefinition extends AggregateRoot {
  private constructor(
    id: string,
    readonly projectId: string,
    private current: WorkflowVersion,
    readonly createdAt: Date,
    version: number,
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
  ): WorkflowDefinition {
    return new WorkflowDefinition(id, projectId, latest, createdAt, version);
  }

  get name(): string {
    return this.current.spec.name;
  }

  get latest(): WorkflowVersion {
    return this.current;
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
