import { Injectable } from '@nestjs/common';
import { AmbientTransaction, projectOfRow } from '@libs/platform';
import { ProjectOfBatchPrediction } from '../../application/ports/project-of-batch-prediction.js';
import { BatchPredictionOrmEntity } from './batch-prediction.orm-entity.js';

@Injectable()
export class TypeOrmProjectOfBatchPrediction extends ProjectOfBatchPrediction {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(batchPredictionId: string): Promise<string | undefined> {
    return projectOfRow(this.scope, BatchPredictionOrmEntity, batchPredictionId);
  }
}
