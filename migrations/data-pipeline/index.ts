import { CreateDataPipelineMessaging1764150000000 } from './1764150000000-create-data-pipeline-messaging.js';

/** Migrations of the `data_pipeline` schema, oldest first. */
export const dataPipelineMigrations = [CreateDataPipelineMessaging1764150000000];
