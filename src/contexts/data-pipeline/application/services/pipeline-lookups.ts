import { NotFoundError } from '@libs/ddd';
import type { Pipeline, PipelineVersion } from '../../domain/pipeline/pipeline.js';
import type { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import type { PipelineRun } from '../../domain/pipeline/pipeline-run.js';
import type { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';

export async function requirePipeline(pipelines: PipelineRepository, id: string): Promise<Pipeline> {
  const pipeline = await pipelines.find(id);
  if (!pipeline) throw new NotFoundError('Pipeline', id);
  return pipeline;
}

export async function requirePipelineVersion(
  pipelines: PipelineRepository,
  pipelineId: string,
  number: number,
): Promise<PipelineVersion> {
  const version = await pipelines.findVersion(pipelineId, number);
  if (!version) throw new NotFoundError('Pipeline version', `${pipelineId}/${number}`);
  return version;
}

export async function requirePipelineRun(
  runs: PipelineRunRepository,
  id: string,
  options?: { lock?: boolean },
): Promise<PipelineRun> {
  const run = await runs.find(id, options);
  if (!run) throw new NotFoundError('Pipeline run', id);
  return run;
}
