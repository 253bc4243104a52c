import { Injectable } from '@nestjs/common';
import { IntegrationEventHandler, type EnvelopeOf } from '@libs/messaging';
import { CancelChildRunsHandler } from '../../application/cancel-child-runs/cancel-child-runs.handler.js';
import { ReportChildRunHandler } from '../../application/report-child-run/report-child-run.handler.js';
import type { WorkflowEngineEvents } from '../../contracts/events.js';

type RunEnded =
  | 'workflow-engine.workflow-run.succeeded.v1'
  | 'workflow-engine.workflow-run.failed.v1'
  | 'workflow-engine.workflow-run.cancelled.v1';

/**
 * A run's end, read back from the engine's own stream: a child run's parent task ends with it. The
 * bus makes this survive a crash between the child's end and the parent's report; the report is
 * idempotent (ReportChildRunHandler), so it runs in its own transaction rather than the inbox's.
 */
@Injectable() // gives the subclasses, which have no constructor of their own, this one's parameter types
abstract class ChildRunEnded<TType extends RunEnded> extends IntegrationEventHandler<WorkflowEngineEvents, TType> {
  constructor(private readonly report: ReportChildRunHandler) {
    super();
  }

  handle(event: EnvelopeOf<WorkflowEngineEvents, TType>): Promise<void> {
    return this.report.execute(event.payload.runId);
  }
}

@Injectable()
export class ChildRunSucceeded extends ChildRunEnded<'workflow-engine.workflow-run.succeeded.v1'> {
  readonly consumer = 'workflow-engine.child-run-succeeded';
  readonly eventType = 'workflow-engine.workflow-run.succeeded.v1';
}

@Injectable()
export class ChildRunFailed extends ChildRunEnded<'workflow-engine.workflow-run.failed.v1'> {
  readonly consumer = 'workflow-engine.child-run-failed';
  readonly eventType = 'workflow-engine.workflow-run.failed.v1';
}

@Injectable()
export class ChildRunCancelled extends ChildRunEnded<'workflow-engine.workflow-run.cancelled.v1'> {
  readonly consumer = 'workflow-engine.child-run-cancelled';
  readonly eventType = 'workflow-engine.workflow-run.cancelled.v1';
}

/** A cancelled run's children are cancelled with it (and theirs through their own cancellation). */
@Injectable()
export class CancelledParent extends IntegrationEventHandler<
  WorkflowEngineEvents,
  'workflow-engine.workflow-run.cancelled.v1'
> {
  readonly consumer = 'workflow-engine.cancel-child-runs';
  readonly eventType = 'workflow-engine.workflow-run.cancelled.v1';

  constructor(private readonly cancelChildren: CancelChildRunsHandler) {
    super();
  }

  handle(event: EnvelopeOf<WorkflowEngineEvents, 'workflow-engine.workflow-run.cancelled.v1'>): Promise<void> {
    return this.cancelChildren.execute(event.payload.runId);
  }
}

/** The handlers that tie child runs to their parents. */
export const CHILD_RUN_HANDLERS = [ChildRunSucceeded, ChildRunFailed, ChildRunCancelled, CancelledParent];
