import { Injectable } from '@nestjs/common';
import { TaskQueue, type AttemptOnQueue } from '../../application/ports/task-queue.js';
import {
  APPROVAL_TASK_TYPE,
  EXTERNAL_TASK_TYPE,
  isRowBacked,
  type TaskDispatch,
} from '../../domain/run/task-dispatch.js';
import { ChildRunLinks } from '../persistence/child-run-links.js';
import { ApprovalRequestQueue } from './approval-request-queue.js';
import { BullMqTaskQueue } from './bullmq-task-queue.js';
import { ExternalTaskQueue } from './external-task-queue.js';

/**
 * Sends each task run where its executor looks for it: `external` ones to the lease table that
 * workers claim from over HTTP, `approval` ones to the requests people decide on, all others to BullMQ.
 */
@Injectable()
export class DispatchingTaskQueue extends TaskQueue {
  constructor(
    private readonly jobs: BullMqTaskQueue,
    private readonly external: ExternalTaskQueue,
    private readonly approvals: ApprovalRequestQueue,
    private readonly childRuns: ChildRunLinks,
  ) {
    super();
  }

  async enqueue(dispatches: readonly TaskDispatch[]): Promise<void> {
    const ofType = (type: string) => dispatches.filter((dispatch) => dispatch.type === type);
    const jobs = dispatches.filter((dispatch) => !isRowBacked(dispatch.type));
    await Promise.all([
      this.external.offer(ofType(EXTERNAL_TASK_TYPE)),
      this.approvals.open(ofType(APPROVAL_TASK_TYPE)),
      this.jobs.enqueue(jobs),
    ]);
  }

  /**
   * External and approval task runs have no job; their rows stand for them. An expired lease is
   * taken over by the next claim, a passed deadline by the approvals' expiry, not by the reconciler.
   * A `workflow` task whose child run started has no job either: the child stands for it.
   */
  async withoutJob<T extends AttemptOnQueue>(attempts: readonly T[]): Promise<T[]> {
    const unoffered = await this.external.withoutOffer(attempts);
    const unrequested = await this.approvals.withoutRequest(unoffered);
    const childless = await this.childRuns.withoutChild(unrequested);
    return this.jobs.withoutJob(childless);
  }
}
