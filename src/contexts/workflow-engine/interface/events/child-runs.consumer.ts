import { Injectable } from '@nestjs/common';
import { IntegrationEventHandler, type EventEnvelope } from '@libs/messaging';
import { CancelChildRunsHandler } from '../../application/cancel-child-runs/cancel-child-runs.handler.js';
import { ReportChildRunHandler } from '../../application/report-child-run/report-child-run.handler.js';

/**
 * Ties child runs to their parents, reading the run events back from the engine's own stream: a
 * child run's end ends its parent task, and a cancelled run's children are cancelled with it (and
 * theirs through their own cancellation). The bus makes both survive a crash between the run's end
 * and the follow-up. Both follow-ups are idempotent, so they run in transactions of their own rather
 * than the inbox's, and a redelivery after one of them failed repeats the other harmlessly. One
 * consumer group for all run events: every group reads the whole stream, task events included.
 */
@Injectable()
export class ChildRunsConsumer extends IntegrationEventHandler {
  readonly consumer = 'workflow-engine.child-runs';
  readonly eventType = 'workflow-engine.workflow-run.*';

  constructor(
    private readonly report: ReportChildRunHandler,
    private readonly cancelChildren: CancelChildRunsHandler,
  ) {
    super();
  }

  async handle(event: EventEnvelope): Promise<void> {
    // Every run event's payload names its run (WorkflowRunPayload).
    const { runId } = event.payload as { runId: string };
    if (event.type === 'workflow-engine.workflow-run.started.v1') return;
    await this.report.execute(runId);
    if (event.type === 'workflow-engine.workflow-run.cancelled.v1') await this.cancelChildren.execute(runId);
  }
}
