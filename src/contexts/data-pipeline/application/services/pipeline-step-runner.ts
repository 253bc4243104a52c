import { Injectable } from '@nestjs/common';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { PipelineStepRefused } from '../../domain/errors.js';
import type { ExtractStep, LoadStep, PipelineStep, TransformStep } from '../../domain/pipeline/pipeline-definition.js';
import { SnapshotQuery } from '../../domain/table-source/snapshot-query.js';
import { DatasetSettings } from '../ports/dataset-settings.js';
import { QueryEngine, type TableFile } from '../ports/query-engine.js';
import { TableSources } from '../ports/table-sources.js';
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
    private readonly tableSources: TableSources,
    private readonly settings: DatasetSettings,
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
    const output = { path: context.workspace.path(step.name, 'parquet'), format: 'parquet' as const };
    const written = await this.withSource(step, context, (source) =>
      this.engine.transform({ input: source, joined: new Map(), operations: [], output }),
    );
    const consumed = step.source.kind === 'dataset-version' ? [step.source.versionId] : [];
    return { table: output, change: { rowCount: written.rowCount }, consumed };
  }

  /** Hands `work` the step's source as a local table file; a snapshot's file lasts only as long as the work. */
  private async withSource<T>(
    { name, source }: ExtractStep,
    context: StepContext,
    work: (table: TableFile) => Promise<T>,
  ): Promise<T> {
    const file = `${name}.source`;
    switch (source.kind) {
      case 'table-source': {
        const query = SnapshotQuery.of(source.query);
        const request = { source: source.source, query, maxBytes: this.settings.maxVersionBytes };
        return this.tableSources.withSnapshot(request, (snapshot) => work({ path: snapshot.path, format: 'parquet' }));
      }
      case 'url':
        return work({ path: await context.workspace.fetch(source.url, file), format: source.format });
      case 'object':
        // Checked when the definition was stored, and again here: a run must never read another project's objects.
        if (!source.objectKey.startsWith(projectDataPrefix(context.run.projectId)) || source.objectKey.includes('/../'))
          throw new PipelineStepRefused('the object key is not under the project prefix');
        return work({ path: await context.workspace.download(source.objectKey, file), format: source.format });
      case 'dataset-version':
        return work(await this.versionFile(source.versionId, file, context));
    }
  }

  private async versionFile(versionId: string, file: string, context: StepContext): Promise<TableFile> {
    const version = await this.versions.find(versionId);
    if (version?.projectId !== context.run.projectId)
      throw new PipelineStepRefused(`${versionId} is not a dataset version of this project`);
    const dataset = await this.datasets.find(version.datasetId);
    // Read with the dataset's declared types, in the order the file has its columns (CSV reads by position).
    const columns = version.inferredSchema.flatMap((column) => dataset?.schema.column(column.name) ?? []);
    return { path: await context.workspace.download(version.objectKey, file), format: version.format, columns };
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
