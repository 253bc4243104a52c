import { Injectable } from '@nestjs/common';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import { Transaction } from '../ports/transaction.js';
import type { RecordAliasMoveCommand } from './record-alias-move.command.js';

/** Keeps the `aliases` facet of model versions: the alias joins its new version and leaves the old one. */
@Injectable()
export class RecordAliasMoveHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly graph: LineageGraphRepository,
  ) {}

  execute(command: RecordAliasMoveCommand): Promise<void> {
    const { projectId, alias, versionId, previousVersionId, aliasVersion, at } = command;
    return this.transaction.run(async () => {
      if (previousVersionId && previousVersionId !== versionId) {
        const previous = { type: 'model-version', id: previousVersionId, projectId } as const;
        await this.graph.recordFacetEntry(previous, 'aliases', alias, null);
      }
      await this.graph.recordFacetEntry({ type: 'model-version', id: versionId, projectId }, 'aliases', alias, {
        aliasVersion,
        at,
      });
    });
  }
}
