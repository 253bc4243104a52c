import { Injectable } from '@nestjs/common';
import { TaskQueue, type AttemptOnQueue } from '../../application/ports/task-queue.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { APPROVAL_TASK_TYPE } from '../../domain/run/approval-decision.js';
import { ChildRunLinks } from '../persistence/child-run-links.js';
import { ApprovalRequestQueue } from './approval-request-queue.js';
import { BullMqTaskQueue } from './bullmq-task-queue.js';
import { EXTERNAL_TASK_TYPE, ExternalTaskQueue } from './external-task-queue.js';

/** Task types whose runs wait in a table of their own rather than as BullMQ jobs. */
const ELSEWHERE = new Set([EXTERNAL_TASK_TYPE, APPROVAL_TASK_TYPE]);

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
    const jobs = dispatches.filter((dispatch) => !ELSEWHERE.has(dispatch.type));
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
