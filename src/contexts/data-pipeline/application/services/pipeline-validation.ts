import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import { isRowCheck, type RowCheck } from '../../domain/checks/check.js';
import type { CheckSuite } from '../../domain/checks/check-suite.js';
import { runStatus, type CheckRun, type StoredCheckResult } from '../../domain/checks/check-run.js';
import { CheckRunRepository } from '../../domain/checks/check-run.repository.js';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { PipelineStepRefused } from '../../domain/errors.js';
import type { ValidateStep } from '../../domain/pipeline/pipeline-definition.js';
import { QueryEngine, type TableFile } from '../ports/query-engine.js';
import { Transaction } from '../ports/transaction.js';
import { suiteOf } from '../run-check-suite/suite-of.js';
import { PipelineLoads } from './pipeline-loads.js';
import { PipelineRunProgress } from './pipeline-run-progress.js';
import { tableOf, type StepContext, type StepOutcome } from './pipeline-step-context.js';

/**
 * A validate step: the suite runs on the step's input and is stored as a check run of the pipeline
 * run (its report served like any other). Error checks that fail stop the run, unless the step
 * quarantines: then the rows failing its error row checks are loaded into the quarantine dataset
 * and only the clean rows go on; a failing error check that is not about rows still stops the run.
 */
@Injectable()
export class PipelineValidation {
  constructor(
    private readonly transaction: Transaction,
    private readonly checkRuns: CheckRunRepository,
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
    private readonly engine: QueryEngine,
    private readonly loads: PipelineLoads,
    private readonly progress: PipelineRunProgress,
  ) {}

  async validate(step: ValidateStep, context: StepContext): Promise<StepOutcome> {
    const suite = suiteOf(step.suite);
    const input = tableOf(context, step.input);
    const references = await this.references(suite, context);
    const checkRun = await this.checkRunOf(step, context, suite, input, references);
    const verdict = { checkRunId: checkRun.id, checkStatus: checkRun.status };
    const failing = suite.checks.filter((_, index) => isBlocking(checkRun.results[index]));
    const consumed = [...references.keys()];
    if (failing.length === 0) return { table: input, change: verdict, consumed };
    const rowChecks = failing.filter((check): check is RowCheck => isRowCheck(check));
    const stopping = step.quarantine ? failing.filter((check) => !isRowCheck(check)) : failing;
    if (stopping.length > 0)
      throw new PipelineStepRefused(
        `error checks failed: ${stopping.map((check) => check.name).join(', ')} (check run ${checkRun.id})`,
      );
    const quarantineDataset = step.quarantine?.dataset ?? '';
    const clean = { path: context.workspace.path(step.name, 'parquet'), format: 'parquet' as const };
    const quarantine = {
      path: context.workspace.path(`${step.name}.quarantine`, 'parquet'),
      format: 'parquet' as const,
    };
    const counts = await this.engine.partition({ table: input, checks: rowChecks, references, clean, quarantine });
    if (counts.quarantined > 0 && !context.recorded.versionId)
      await this.loads.load(
        context,
        { table: quarantine, datasetName: quarantineDataset, format: 'parquet', fileName: `${step.name}.quarantine` },
        (version) =>
          this.progress.updateStep(
            context.run.id,
            step.name,
            { versionId: version.id, quarantinedRows: counts.quarantined },
            { output: { step: step.name, role: 'quarantine', datasetId: version.datasetId, versionId: version.id } },
          ),
      );
    return {
      table: clean,
      change: { ...verdict, rowCount: counts.clean, quarantinedRows: counts.quarantined },
      consumed,
    };
  }

  /** The check run an earlier try of the step stored, or a new one stored with the step's record of it. */
  private async checkRunOf(
    step: ValidateStep,
    context: StepContext,
    suite: CheckSuite,
    table: TableFile,
    references: ReadonlyMap<string, TableFile>,
  ): Promise<CheckRun> {
    const stored = context.recorded.checkRunId && (await this.checkRuns.find(context.recorded.checkRunId));
    if (stored) return stored;
    const at = new Date();
    const results = await this.engine.runSuite({ table, primaryKey: step.key, suite, references, at });
    const run: CheckRun = {
      id: newId(),
      projectId: context.run.projectId,
      datasetId: null,
      versionId: null,
      pipelineRunId: context.run.id,
      status: runStatus(results),
      suite: step.suite,
      results: results.map((result): StoredCheckResult => ({ ...result, id: newId() })),
      actorId: context.run.actorId,
      createdAt: at,
    };
    await this.transaction.run(async () => {
      await this.checkRuns.add(run);
      await this.progress.updateStep(context.run.id, step.name, { checkRunId: run.id, checkStatus: run.status });
    });
    return run;
  }

  /** The suite's reference tables: versions of the run's project, by id, copied into the run's files. */
  private async references(suite: CheckSuite, context: StepContext): Promise<Map<string, TableFile>> {
    const files = new Map<string, TableFile>();
    for (const id of suite.references) {
      const version = await this.versions.find(id);
      if (version?.projectId !== context.run.projectId)
        throw new PipelineStepRefused(`reference ${id} is not a dataset version of this project`);
      const dataset = await this.datasets.find(version.datasetId);
      const columns = version.inferredSchema.flatMap((column) => dataset?.schema.column(column.name) ?? []);
      const path = await context.workspace.download(version.objectKey, `reference-${id}`);
      files.set(id, { path, format: version.format, columns });
    }
    return files;
  }
}

function isBlocking(result: StoredCheckResult | undefined): boolean {
  return result?.severity === 'error' && result.status === 'fail';
}
