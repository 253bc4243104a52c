import { RunTransaction } from '../../../src/contexts/workflow-engine/application/ports/run-transaction.js';

/**
 * Transactions for handler tests: the work just runs. `opened` counts the transactions a handler
 * opened and `lockedWorkflows` names the workflows it held, in order.
 */
export class ImmediateRunTransaction extends RunTransaction {
  opened = 0;
  readonly lockedWorkflows: string[] = [];

  run<T>(work: () => Promise<T>): Promise<T> {
    this.opened += 1;
    return work();
  }
  active(): boolean {
    return false;
  }
  lockingWorkflow<T>(workflowId: string, work: () => Promise<T>): Promise<T> {
    this.lockedWorkflows.push(workflowId);
    return this.run(work);
  }
}
