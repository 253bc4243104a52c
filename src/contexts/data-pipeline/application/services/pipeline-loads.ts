import { Injectable } from '@nestjs/common';
import { crashPoint } from '@libs/platform/ports';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { Dataset } from '../../domain/dataset/dataset.js';
import type { DatasetVersion, VersionFormat } from '../../domain/dataset/dataset-version.js';
import { PipelineStepRefused } from '../../domain/errors.js';
import { QueryEngine, type TableFile } from '../ports/query-engine.js';
import type { StepContext } from './pipeline-step-context.js';
import { VersionIntake } from './version-intake.js';

/**
 * Loads a table of a run as a new version of a dataset of its project, through the same intake as
 * uploads (size, SHA-256, schema check, profile, event). `record` runs in the intake's transaction,
 * so the run's record of the version commits with the version or not at all: a step run again
 * after a crash finds it there and loads nothing twice.
 */
@Injectable()
export class PipelineLoads {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly intake: VersionIntake,
    private readonly engine: QueryEngine,
  ) {}

  async load(
    context: StepContext,
    input: { table: TableFile; datasetName: string; format: VersionFormat; fileName: string },
    record: (version: DatasetVersion) => Promise<void>,
  ): Promise<DatasetVersion> {
    const dataset = await this.datasetNamed(context.run.projectId, input.datasetName);
    const file = await this.inFormat(context, input.table, input.format, input.fileName);
    const { body, size } = await context.workspace.read(file.path);
    const version = await this.intake.intake(dataset, {
      body,
      format: input.format,
      declaredBytes: size,
      producer: { kind: 'pipeline-run', actorId: context.run.actorId, runId: context.run.id },
      alsoRecord: record,
    });
    // The version and the run's note of it are committed; the step's end is not recorded yet.
    crashPoint('data-pipeline.pipeline-run.after-load');
    return version;
  }

  private async datasetNamed(projectId: string, name: string): Promise<Dataset> {
    const dataset = (await this.datasets.listByProject(projectId)).find(
      (candidate) => candidate.snapshot.name === name,
    );
    if (!dataset) throw new PipelineStepRefused(`the project has no dataset named ${name}`);
    return dataset;
  }

  /** Steps pass Parquet on; a load in another format has the engine write that format first. */
  private async inFormat(
    context: StepContext,
    table: TableFile,
    format: VersionFormat,
    name: string,
  ): Promise<TableFile> {
    if (table.format === format) return table;
    const output = { path: context.workspace.path(name, format), format };
    await this.engine.transform({ input: table, joined: new Map(), operations: [], output });
    return output;
  }
}
