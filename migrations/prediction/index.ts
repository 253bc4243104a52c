import { CreatePredictionMessaging1764150000000 } from './1764150000000-create-prediction-messaging.js';

/** Migrations of the `prediction` schema, oldest first. */
export const predictionMigrations = [CreatePredictionMessaging1764150000000];
