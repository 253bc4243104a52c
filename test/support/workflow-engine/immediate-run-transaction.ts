import { RunTransaction } from '../../../src/contexts/workflow-engine/application/ports/run-transaction.js';

/**
 * Transactions for handler tests: the work just runs. `opened` counts the transactions a handler
 * opened, `lockedWorkflows` names the workflows it held, in order, and `unflushed` counts the
 * transactions told not to wait for the WAL flush.
 */
export class ImmediateRunTransaction extends RunTransaction {
  opened = 0;
  unflushed = 0;
  readonly lockedWorkflows: string[] = [];

  run<T>(work: () => Promise<T>): Promise<T> {
    this.opened += 1;
    return work();
  }
  active(): boolean {
    return false;
  }
  commitWithoutFlushWait(): Promise<void> {
    this.unflushed += 1;
    return Promise.resolve();
  }
  lockingWorkflow<T>(workflowId: string, work: () => Promise<T>): Promise<T> {
    this.lockedWorkflows.push(workflowId);
    return this.run(work);
  }
}
