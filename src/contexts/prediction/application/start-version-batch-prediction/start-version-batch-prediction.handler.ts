import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { RUNTIME_FRAMEWORKS } from '../../domain/deployment/variant.js';
import { DeployableVersions } from '../ports/deployable-versions.js';
import { BatchPredictionStarts } from '../services/batch-prediction-starts.js';
import type { StartVersionBatchPredictionCommand } from './start-version-batch-prediction.command.js';

/**
 * Queues a batch prediction by a bare model version (issue 13 item 6: "a deployment or model
 * version"). It runs in process, so the version must be one the ONNX runtime loads, with an
 * artifact and a signature, as a deployment would need; a remote model is predicted through a
 * deployment, which holds its endpoint.
 */
@Injectable()
export class StartVersionBatchPredictionHandler {
  constructor(
    private readonly versions: DeployableVersions,
    private readonly starts: BatchPredictionStarts,
  ) {}

  async execute(command: StartVersionBatchPredictionCommand): Promise<BatchPrediction> {
    const found = await this.versions.lookup(command.projectId, { kind: 'version', versionId: command.modelVersionId });
    if (!found.deployable) {
      if (found.missing) throw new NotFoundError('Model version', command.modelVersionId);
      throw new ValidationError(
        'The model version cannot predict',
        [{ field: 'modelVersionId', message: found.reason }],
        'batch-version-unservable',
      );
    }
    if (found.version.framework !== RUNTIME_FRAMEWORKS.onnx)
      throw new ValidationError(
        'A bare model version is predicted in process: ONNX only',
        [
          {
            field: 'modelVersionId',
            message: `is ${found.version.framework}; deploy it with a remote runtime instead`,
          },
        ],
        'batch-version-unservable',
      );
    return this.starts.start({ ...command, deploymentId: null, variant: null, version: found.version });
  }
}
