import { CreatePredictionMessaging1764150000000 } from './1764150000000-create-prediction-messaging.js';
import { KeepPredictionPublishedOutboxRows1765000000000 } from './1765000000000-keep-prediction-published-outbox-rows.js';
import { CreateDeployments1765450000000 } from './1765450000000-create-deployments.js';
import { AddDeploymentServingOptions1765470000000 } from './1765470000000-add-deployment-serving-options.js';
import { CreateBatchPredictions1765490000000 } from './1765490000000-create-batch-predictions.js';
import { CreatePredictionRecords1765495000000 } from './1765495000000-create-prediction-records.js';
import { AddDeploymentFeedbackOptions1765495000001 } from './1765495000001-add-deployment-feedback-options.js';
import { AddSequentialExperimentOptions1765510000000 } from './1765510000000-add-sequential-experiment-options.js';
import { AllowBatchPredictionsOfBareVersions1765510000001 } from './1765510000001-allow-batch-predictions-of-bare-versions.js';
import { CreateBatchPredictionLogLines1765530000002 } from './1765530000002-create-batch-prediction-log-lines.js';
import { NotifyPredictionRelaysAfterCommit1765620000000 } from './1765620000000-notify-prediction-relays-after-commit.js';

/** Migrations of the `prediction` schema, oldest first. */
export const predictionMigrations = [
  CreatePredictionMessaging1764150000000,
  KeepPredictionPublishedOutboxRows1765000000000,
  CreateDeployments1765450000000,
  AddDeploymentServingOptions1765470000000,
  CreateBatchPredictions1765490000000,
  CreatePredictionRecords1765495000000,
  AddDeploymentFeedbackOptions1765495000001,
  AddSequentialExperimentOptions1765510000000,
  AllowBatchPredictionsOfBareVersions1765510000001,
  CreateBatchPredictionLogLines1765530000002,
  NotifyPredictionRelaysAfterCommit1765620000000,
];
