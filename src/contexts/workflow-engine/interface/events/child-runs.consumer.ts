import { Injectable } from '@nestjs/common';
import { SelfCommittingEventHandler, type EnvelopeOf } from '@libs/messaging';
import type { WorkflowEngineEvents } from '../../contracts/events.js';
import { CancelChildRunsHandler } from '../../application/cancel-child-runs/cancel-child-runs.handler.js';
import { ReportChildRunHandler } from '../../application/report-child-run/report-child-run.handler.js';

/** The ends of a run: each ends the parent task of a child run. */
const RUN_ENDS = [
  'workflow-engine.workflow-run.succeeded.v1',
  'workflow-engine.workflow-run.failed.v1',
  'workflow-engine.workflow-run.cancelled.v1',
] as const;
type RunEnd = (typeof RUN_ENDS)[number];

/**
 * Ties child runs to their parents, reading the run events back from the engine's own stream: a
 * child run's end ends its parent task, and a cancelled run's children are cancelled with it (and
 * theirs through their own cancellation). The bus makes both survive a crash between the run's end
 * and the follow-up. Both follow-ups are idempotent, so they run in transactions of their own rather
 * than the inbox's, and a redelivery after one of them failed repeats the other harmlessly. One
 * consumer group for all run ends: every group reads the whole stream, task events included.
 */
@Injectable()
export class ChildRunsConsumer extends SelfCommittingEventHandler<WorkflowEngineEvents, RunEnd> {
  readonly consumer = 'workflow-engine.child-runs';
  readonly eventType = RUN_ENDS;

  constructor(
    private readonly report: ReportChildRunHandler,
    private readonly cancelChildren: CancelChildRunsHandler,
  ) {
    super();
  }

  async handleOnItsOwn(event: EnvelopeOf<WorkflowEngineEvents, RunEnd>): Promise<void> {
    await this.report.execute({ childRunId: event.payload.runId });
    if (event.type === 'workflow-engine.workflow-run.cancelled.v1')
      await this.cancelChildren.execute({ parentRunId: event.payload.runId });
  }
}
