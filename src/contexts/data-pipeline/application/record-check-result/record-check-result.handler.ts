import { Injectable } from '@nestjs/common';
import { Transaction } from '../ports/transaction.js';
import { CheckResultLineage } from '../services/check-result-lineage.js';
import type { RecordCheckResultCommand } from './record-check-result.command.js';

/**
 * Records a check result as a node that `checked` its dataset version, so what is downstream of the
 * result is what used that data, and as an entry of the version's `checks` facet.
 */
@Injectable()
export class RecordCheckResultHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly lineage: CheckResultLineage,
  ) {}

  execute(command: RecordCheckResultCommand): Promise<void> {
    return this.transaction.run(() => this.lineage.record(command));
  }
}
