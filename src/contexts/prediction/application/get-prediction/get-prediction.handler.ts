import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { PredictionRecords, type PredictionRecord } from '../ports/prediction-records.js';
import type { GetPredictionQuery } from './get-prediction.query.js';

/** One prediction's record: its variant, version, latency, trace, feedback, and payloads when sampled. */
@Injectable()
export class GetPredictionHandler {
  constructor(private readonly records: PredictionRecords) {}

  async execute(query: GetPredictionQuery): Promise<PredictionRecord> {
    const record = await this.records.find(query.predictionId);
    if (!record) throw new NotFoundError('Prediction', query.predictionId);
    return record;
  }
}
