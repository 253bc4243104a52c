import type { Provider, Type } from '@nestjs/common';
import { GetExperimentHandler } from './application/get-experiment/get-experiment.handler.js';
import { GetPredictionHandler } from './application/get-prediction/get-prediction.handler.js';
import { ListPredictionsHandler } from './application/list-predictions/list-predictions.handler.js';
import { AliasPromotion } from './application/ports/alias-promotion.js';
import { ExperimentDecisions } from './application/ports/experiment-decisions.js';
import { PredictionLog } from './application/ports/prediction-log.js';
import { PredictionRecords } from './application/ports/prediction-records.js';
import { ProjectOfPrediction } from './application/ports/project-of-prediction.js';
import { PromotingDeployments } from './application/ports/promoting-deployments.js';
import { PromoteExperimentWinnersHandler } from './application/promote-experiment-winners/promote-experiment-winners.handler.js';
import { PrunePredictionRecordsHandler } from './application/prune-prediction-records/prune-prediction-records.handler.js';
import { RecordFeedbackHandler } from './application/record-feedback/record-feedback.handler.js';
import { ExperimentEvaluation } from './application/services/experiment-evaluation.js';
import { BanditFeedback } from './application/ports/bandit-feedback.js';
import { BanditRouting } from './application/services/bandit-routing.js';
import { RedisBanditFeedback } from './infrastructure/bandit/redis-bandit-feedback.js';
import { FeedbackSettings } from './application/ports/feedback-settings.js';
import { readFeedbackSettings } from './infrastructure/config/feedback-settings.js';
import { BufferedPredictionLog } from './infrastructure/logging/buffered-prediction-log.js';
import { TypeOrmProjectOfPrediction } from './infrastructure/persistence/project-of-prediction.js';
import { SqlPromotingDeployments } from './infrastructure/persistence/sql-promoting-deployments.js';
import { TypeOrmExperimentDecisions } from './infrastructure/persistence/typeorm-experiment-decisions.js';
import { TypeOrmPredictionRecords } from './infrastructure/persistence/typeorm-prediction-records.js';
import { RegistryAliasPromotion } from './infrastructure/registry/registry-alias-promotion.js';
import { ExperimentPromotionLoop } from './interface/jobs/experiment-promotion.loop.js';
import { PredictionRecordsPruningLoop } from './interface/jobs/prediction-records-pruning.loop.js';

/** Payload logging, feedback, experiments and bandit routing (issue 13 items 7 and 8; docs/adr/0505, 0507). */
export const FEEDBACK_USE_CASES: Type[] = [
  ListPredictionsHandler,
  GetPredictionHandler,
  RecordFeedbackHandler,
  GetExperimentHandler,
  PromoteExperimentWinnersHandler,
  PrunePredictionRecordsHandler,
];

export const FEEDBACK_SERVICES: Type[] = [ExperimentEvaluation, BanditRouting];

export const FEEDBACK_ADAPTERS: Provider[] = [
  { provide: FeedbackSettings, useFactory: () => readFeedbackSettings(process.env) },
  BufferedPredictionLog,
  { provide: PredictionLog, useExisting: BufferedPredictionLog },
  { provide: PredictionRecords, useClass: TypeOrmPredictionRecords },
  { provide: ExperimentDecisions, useClass: TypeOrmExperimentDecisions },
  { provide: ProjectOfPrediction, useClass: TypeOrmProjectOfPrediction },
  { provide: PromotingDeployments, useClass: SqlPromotingDeployments },
  { provide: AliasPromotion, useClass: RegistryAliasPromotion },
  { provide: BanditFeedback, useClass: RedisBanditFeedback },
];

/** Run by worker processes: experiment promotion and retention. */
export const FEEDBACK_WORKERS: Type[] = [ExperimentPromotionLoop, PredictionRecordsPruningLoop];
