import { Injectable } from '@nestjs/common';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { PipelineStepRefused } from '../../domain/errors.js';
import type { ExtractStep, LoadStep, PipelineStep, TransformStep } from '../../domain/pipeline/pipeline-definition.js';
import { QueryEngine, type TableFile } from '../ports/query-engine.js';
import { projectDataPrefix } from './object-keys.js';
import { PipelineLoads } from './pipeline-loads.js';
import { PipelineRunProgress } from './pipeline-run-progress.js';
import { tableOf, type StepContext, type StepOutcome } from './pipeline-step-context.js';
import { PipelineValidation } from './pipeline-validation.js';

/**
 * Runs one step of a run. Every step but a load writes its table as Parquet to the run's files,
 * so later steps read typed columns whatever the source's format; a step run again overwrites them.
 */
@Injectable()
export class PipelineStepRunner {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
    private readonly engine: QueryEngine,
    private readonly loads: PipelineLoads,
    private readonly validation: PipelineValidation,
    private readonly progress: PipelineRunProgress,
  ) {}

  run(step: PipelineStep, context: StepContext): Promise<StepOutcome> {
    switch (step.kind) {
      case 'extract':
        return this.extract(step, context);
      case 'transform':
        return this.transform(step, context);
      case 'validate':
        return this.validation.validate(step, context);
      case 'load':
        return this.load(step, context);
    }
  }

  private async extract(step: ExtractStep, context: StepContext): Promise<StepOutcome> {
    const { source } = await this.sourceOf(step, context);
    const output = { path: context.workspace.path(step.name, 'parquet'), format: 'parquet' as const };
    const written = await this.engine.transform({ input: source, joined: new Map(), operations: [], output });
    const consumed = step.source.kind === 'dataset-version' ? [step.source.versionId] : [];
    return { table: output, change: { rowCount: written.rowCount }, consumed };
  }

  private async sourceOf(step: ExtractStep, context: StepContext): Promise<{ source: TableFile }> {
    const { projectId } = context.run;
    if (step.source.kind === 'url') {
      const path = await context.workspace.fetch(step.source.url, `${step.name}.source`);
      return { source: { path, format: step.source.format } };
    }
    if (step.source.kind === 'object') {
      // Checked when the definition was stored, and again here: a run must never read another project's objects.
      if (!step.source.objectKey.startsWith(projectDataPrefix(projectId)) || step.source.objectKey.includes('/../'))
        throw new PipelineStepRefused('the object key is not under the project prefix');
      const path = await context.workspace.download(step.source.objectKey, `${step.name}.source`);
      return { source: { path, format: step.source.format } };
    }
    const version = await this.versions.find(step.source.versionId);
    if (version?.projectId !== projectId)
      throw new PipelineStepRefused(`${step.source.versionId} is not a dataset version of this project`);
    const dataset = await this.datasets.find(version.datasetId);
    // Read with the dataset's declared types, in the order the file has its columns (CSV reads by position).
    const columns = version.inferredSchema.flatMap((column) => dataset?.schema.column(column.name) ?? []);
    const path = await context.workspace.download(version.objectKey, `${step.name}.source`);
    return { source: { path, format: version.format, columns } };
  }

  private async transform(step: TransformStep, context: StepContext): Promise<StepOutcome> {
    const joined = new Map(
      step.operations.flatMap((operation) =>
        operation.op === 'join' ? [[operation.with, tableOf(context, operation.with)] as const] : [],
      ),
    );
    const output = { path: context.workspace.path(step.name, 'parquet'), format: 'parquet' as const };
    const written = await this.engine.transform({
      input: tableOf(context, step.input),
      joined,
      operations: step.operations,
      output,
    });
    return { table: output, change: { rowCount: written.rowCount } };
  }

  private async load(step: LoadStep, context: StepContext): Promise<StepOutcome> {
    if (context.recorded.versionId) return { change: {} };
    const version = await this.loads.load(
      context,
      { table: tableOf(context, step.input), datasetName: step.dataset, format: step.format, fileName: step.name },
      (loaded) =>
        this.progress.updateStep(
          context.run.id,
          step.name,
          { versionId: loaded.id, rowCount: loaded.rowCount },
          { output: { step: step.name, role: 'output', datasetId: loaded.datasetId, versionId: loaded.id } },
        ),
    );
    return { change: { rowCount: version.rowCount } };
  }
}
