import { Injectable } from '@nestjs/common';
import { AmbientTransaction, projectOfRow } from '@libs/platform';
import { PredictionLog } from '../../application/ports/prediction-log.js';
import { ProjectOfPrediction } from '../../application/ports/project-of-prediction.js';
import { PredictionRecordOrmEntity } from './prediction-record.orm-entity.js';

@Injectable()
export class TypeOrmProjectOfPrediction extends ProjectOfPrediction {
  constructor(
    private readonly scope: AmbientTransaction,
    private readonly log: PredictionLog,
  ) {
    super();
  }

  async projectOf(predictionId: string): Promise<string | undefined> {
    const found = await projectOfRow(this.scope, PredictionRecordOrmEntity, predictionId);
    if (found !== undefined) return found;
    // A prediction this process answered a moment ago may still wait in its buffer.
    await this.log.flush();
    return projectOfRow(this.scope, PredictionRecordOrmEntity, predictionId);
  }
}
