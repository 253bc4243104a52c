import { runLogFacadeRoutes } from '@libs/platform';
import { PipelineRunLogSource } from '../../../contracts/pipeline-run-log-source.js';

/** Pipeline runs' log lines, for a monitoring process that does not host data-pipeline (docs/adr/0704): signed service calls only. */
export const PipelineRunLogFacadeController = runLogFacadeRoutes('data-pipeline', PipelineRunLogSource);
