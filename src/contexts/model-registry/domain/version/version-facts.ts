import { isUuid, ValidationError } from '@libs/ddd';
import type { SageMakerServing, TrainingDataset } from './model-version-status.js';

// SageMaker's own pattern for endpoint and variant names.
const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const MAX_DATASETS = 100;

export function checkedTrainingData(datasets: readonly TrainingDataset[]): TrainingDataset[] {
  if (datasets.length > MAX_DATASETS) {
    throw new ValidationError('Too many training datasets', [
      { field: 'trainingDatasets', message: `at most ${MAX_DATASETS}` },
    ]);
  }
  datasets.forEach((dataset, index) => {
    if (!isUuid(dataset.datasetVersionId)) {
      throw new ValidationError('A training dataset is invalid', [
        { field: `trainingDatasets[${index}].datasetVersionId`, message: 'must be a dataset version id (UUID)' },
      ]);
    }
  });
  return datasets.map((dataset) => ({ ...dataset }));
}

export function checkedServing(serving: SageMakerServing): SageMakerServing {
  const problems = [
    ...(SAGEMAKER_NAME.test(serving.endpointName)
      ? []
      : [{ field: 'endpointName', message: 'not a SageMaker endpoint name' }]),
    ...(SAGEMAKER_NAME.test(serving.variantName)
      ? []
      : [{ field: 'variantName', message: 'not a SageMaker variant name' }]),
    ...(serving.region === undefined || AWS_REGION.test(serving.region)
      ? []
      : [{ field: 'region', message: 'not an AWS region' }]),
  ];
  if (problems.length > 0) throw new ValidationError('The SageMaker link is invalid', problems);
  return { ...serving };
}
