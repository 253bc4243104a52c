import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { LineageFacade } from '@contexts/data-pipeline';
import { RunLineage } from '../application/ports/run-lineage.js';

/**
 * Asks the lineage graph of the data-pipeline context in this process. A process that does not host
 * that context cannot confirm any run, so the rule fails closed there (docs/adr/0402).
 */
@Injectable()
export class GraphRunLineage extends RunLineage {
  private readonly logger = new Logger(GraphRunLineage.name);

  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async knowsRun(runId: string): Promise<boolean> {
    const graph = this.graph();
    if (!graph) {
      this.logger.debug(`no lineage graph in this process: run ${runId} cannot be confirmed`);
      return false;
    }
    return graph.knowsRun(runId);
  }

  private graph(): LineageFacade | undefined {
    try {
      return this.modules.get(LineageFacade, { strict: false });
    } catch {
      return undefined;
    }
  }
}
