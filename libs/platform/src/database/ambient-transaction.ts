import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

interface Scope {
  readonly manager: EntityManager;
  readonly afterCommit: (() => void)[];
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
    else scope.afterCommit.push(effect);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const afterCommit: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) => this.current.run({ manager, afterCommit }, work));
    for (const effect of afterCommit) effect();
    return result;
  }
}
