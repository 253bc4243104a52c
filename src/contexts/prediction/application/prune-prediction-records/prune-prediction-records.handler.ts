import { Injectable } from '@nestjs/common';
import { PredictionRecords } from '../ports/prediction-records.js';
import type { PrunePredictionRecordsCommand } from './prune-prediction-records.command.js';

/** Deletes the prediction records (and their feedback) past each deployment's retention. */
@Injectable()
export class PrunePredictionRecordsHandler {
  constructor(private readonly records: PredictionRecords) {}

  async execute(command: PrunePredictionRecordsCommand): Promise<{ deleted: number }> {
    return { deleted: await this.records.prune(command.now) };
  }
}
