import type { FacadeTransport } from '../service-calls/facade-transport.js';
import { LogSource, type LogRecord, type LogSearchCriteria } from './log-source.js';

/** The internal facade operations of a context's run logs: what its owner's routes and this binding both name. */
export const RUN_LOG_OPERATIONS = { search: 'search-run-logs', prune: 'prune-run-logs' } as const;

/**
 * A context's run logs where that context is hosted elsewhere (docs/adr/0704): monitoring searches
 * and prunes them through the owner's internal facade routes, as it would the local source. Both
 * calls may be tried again on another instance: a search reads, and pruning at the same cutoff
 * again deletes nothing more.
 */
export class HttpRunLogSource extends LogSource {
  constructor(
    private readonly transport: FacadeTransport,
    private readonly context: string,
    readonly source: string,
  ) {
    super();
  }

  async search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    const records = await this.transport.call<LogRecord[]>({
      context: this.context,
      operation: RUN_LOG_OPERATIONS.search,
      args: [criteria],
      idempotent: true,
    });
    return records ?? [];
  }

  async pruneBefore(cutoff: Date): Promise<number> {
    const pruned = await this.transport.call<number>({
      context: this.context,
      operation: RUN_LOG_OPERATIONS.prune,
      args: [cutoff],
      idempotent: true,
    });
    return pruned ?? 0;
  }
}
