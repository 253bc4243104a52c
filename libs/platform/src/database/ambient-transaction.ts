import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

interface Scope {
  readonly manager: EntityManager;
  /** Absent in a joined transaction, whose commit this scope never sees. */
  readonly afterCommit?: (() => void)[];
}

/**
 * The transaction of the running use case, found by repositories, audit logs and the outbox
 * through `manager()` so handlers never pass it along; a nested `run` joins the outer one.
 * Each context provides its own instance, so one context's use case never joins another's.
 */
@Injectable()
export class AmbientTransaction {
  private readonly current = new AsyncLocalStorage<Scope>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  /** Whether a transaction is open for the caller. */
  active(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** Runs `effect` once the surrounding transaction committed (at once outside one); never after a rollback. */
  afterCommit(effect: () => void): void {
    const scope = this.current.getStore();
    if (scope === undefined) effect();
    else if (scope.afterCommit === undefined) throw new Error('afterCommit cannot run in a joined transaction');
    else scope.afterCommit.push(effect);
  }

  /**
   * Runs `work` inside a transaction someone else opened and commits (an integration event
   * handler's inbox transaction), so what the use case writes commits with the inbox row. Nothing
   * here knows when that commit happens, so `afterCommit` inside it refuses rather than guess.
   */
  join<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    return this.current.run({ manager }, work);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const afterCommit: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) => this.current.run({ manager, afterCommit }, work));
    for (const effect of afterCommit) effect();
    return result;
  }
}
