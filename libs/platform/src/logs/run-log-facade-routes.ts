import { Inject, type Abstract, type Type } from '@nestjs/common';
import { FacadeArguments, FacadeOperation, InternalFacadeController } from '../service-calls/internal-facade.js';
import { RUN_LOG_OPERATIONS } from './http-run-log-source.js';
import type { LogRecord, LogSearchCriteria, LogSource } from './log-source.js';

/**
 * The internal facade routes of a context's run logs (docs/adr/0704): what `HttpRunLogSource` calls,
 * answered by the context's own log source, bound to `contract`. Every owner's are alike, so each
 * context composes one of these under its name rather than writing them again.
 */
export function runLogFacadeRoutes(context: string, contract: Abstract<LogSource>): Type {
  @InternalFacadeController(context)
  class RunLogFacadeRoutes {
    constructor(@Inject(contract) private readonly logs: LogSource) {}

    @FacadeOperation(RUN_LOG_OPERATIONS.search)
    search(@FacadeArguments() [criteria]: [LogSearchCriteria]): Promise<readonly LogRecord[]> {
      return this.logs.search(criteria);
    }

    @FacadeOperation(RUN_LOG_OPERATIONS.prune)
    prune(@FacadeArguments() [cutoff]: [Date]): Promise<number> {
      return this.logs.pruneBefore(cutoff);
    }
  }
  // Named after the contract, so Nest's logs and errors say whose routes these are.
  Object.defineProperty(RunLogFacadeRoutes, 'name', { value: `${contract.name}Routes` });
  return RunLogFacadeRoutes;
}
