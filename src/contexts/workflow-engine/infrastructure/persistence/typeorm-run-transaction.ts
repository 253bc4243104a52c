import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import type { EntityManager } from 'typeorm';
import { RunTransaction } from '../../application/ports/run-transaction.js';

/** The engine's transaction port on the context's ambient transaction, plus the workflow lock of run starts. */
@Injectable()
export class TypeOrmRunTransaction extends RunTransaction {
  constructor(private readonly ambient: AmbientTransaction) {
    super();
  }

  manager(): EntityManager {
    return this.ambient.manager();
  }

  afterCommit(effect: () => void): void {
    this.ambient.afterCommit(effect);
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.ambient.run(work);
  }

  active(): boolean {
    return this.ambient.active();
  }

  lockingWorkflow<T>(workflowId: string, work: () => Promise<T>): Promise<T> {
    return this.run(async () => {
      // NO KEY UPDATE: new runs' foreign keys take KEY SHARE on this row and must not wait for it.
      await this.manager().query('SELECT 1 FROM workflow_engine.workflows WHERE id = $1 FOR NO KEY UPDATE', [
        workflowId,
      ]);
      return work();
    });
  }
}
