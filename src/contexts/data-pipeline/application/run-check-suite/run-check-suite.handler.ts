import { Injectable } from '@nestjs/common';
import { newId, NotFoundError, ValidationError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import type { CheckSuiteRunPayload, DataPipelineEvents } from '../../contracts/events.js';
import type { CheckSuite } from '../../domain/checks/check-suite.js';
import { runStatus, type CheckRun, type StoredCheckResult } from '../../domain/checks/check-run.js';
import { CheckRunRepository } from '../../domain/checks/check-run.repository.js';
import { referencedTable } from '../../domain/checks/check.js';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import type { DatasetSchema } from '../../domain/schema/dataset-schema.js';
import { LocalTableCopies } from '../ports/local-table-copies.js';
import { QueryEngine } from '../ports/query-engine.js';
import { Transaction } from '../ports/transaction.js';
import { CheckResultLineage } from '../services/check-result-lineage.js';
import { requireDataset, requireDatasetVersion } from '../services/dataset-lookups.js';
import type { RunCheckSuiteCommand } from './run-check-suite.command.js';
import { suiteOf } from './suite-of.js';
import { fileNamed, withTableCopies, type SuiteTable } from './table-copies.js';

const EVENT_OF_STATUS = {
  pass: 'data-pipeline.check-suite.passed.v1',
  warn: 'data-pipeline.check-suite.warned.v1',
  fail: 'data-pipeline.check-suite.failed.v1',
} as const;

/**
 * Runs a suite against a version's file (and its references' files), each a temporary local copy,
 * then stores the run, its event and a lineage node per result in one transaction.
 */
@Injectable()
export class RunCheckSuiteHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
    private readonly runs: CheckRunRepository,
    private readonly copies: LocalTableCopies,
    private readonly engine: QueryEngine,
    private readonly lineage: CheckResultLineage,
    private readonly events: EventPublisher<DataPipelineEvents>,
  ) {}

  async execute(command: RunCheckSuiteCommand): Promise<CheckRun> {
    const version = await requireDatasetVersion(this.versions, command.versionId);
    if (command.projectId !== undefined && version.projectId !== command.projectId)
      throw new NotFoundError('Dataset version', command.versionId);
    const suite = suiteOf(command.suite);
    const dataset = await requireDataset(this.datasets, version.datasetId);
    const references = await Promise.all(suite.references.map((name) => this.referenceTable(name, version, suite)));
    const at = new Date();
    const results = await withTableCopies(this.copies, [tableOf(version, dataset.schema), ...references], (files) =>
      this.engine.runSuite({
        table: fileNamed(files, version.id),
        primaryKey: dataset.schema.primaryKey,
        suite,
        references: new Map([...files].filter(([name]) => name !== version.id)),
        at,
      }),
    );
    const run: CheckRun = {
      id: newId(),
      projectId: version.projectId,
      datasetId: version.datasetId,
      versionId: version.id,
      pipelineRunId: null,
      status: runStatus(results),
      suite: command.suite,
      results: results.map((result): StoredCheckResult => ({ ...result, id: newId() })),
      actorId: command.actorId,
      createdAt: at,
    };
    return this.transaction.run(async () => {
      await this.runs.add(run);
      await this.events.publish(EVENT_OF_STATUS[run.status], payloadOf(run, version), { aggregateId: run.id });
      for (const result of run.results)
        await this.lineage.record({
          projectId: run.projectId,
          checkResultId: result.id,
          datasetVersionId: version.id,
          checkName: result.check,
          outcome: result.status,
          at: at.toISOString(),
        });
      return run;
    });
  }

  /** A reference is another version of the same project; anything else is a mistake in the suite. */
  private async referenceTable(name: string, version: DatasetVersion, suite: CheckSuite): Promise<SuiteTable> {
    const reference = await this.versions.find(name);
    if (reference?.projectId === version.projectId)
      return tableOf(reference, (await requireDataset(this.datasets, reference.datasetId)).schema);
    const index = suite.checks.findIndex((check) => referencedTable(check) === name);
    throw new ValidationError(
      `Reference ${name} is not a dataset version of this project`,
      [{ field: `checks[${index}].reference`, message: 'must be the id of a dataset version of this project' }],
      'invalid-check-suite',
    );
  }
}

/** A version read with its dataset's declared columns, in the order the file has them (CSV reads by position). */
function tableOf(version: DatasetVersion, schema: DatasetSchema): SuiteTable {
  const columns = version.inferredSchema.flatMap((column) => schema.column(column.name) ?? []);
  return { name: version.id, objectKey: version.objectKey, file: { format: version.format, columns } };
}

function payloadOf(run: CheckRun, version: DatasetVersion): CheckSuiteRunPayload {
  return {
    projectId: run.projectId,
    datasetId: version.datasetId,
    versionId: version.id,
    checkRunId: run.id,
    checks: run.results.map((result) => ({
      checkResultId: result.id,
      name: result.check,
      kind: result.kind,
      severity: result.severity,
      status: result.status,
      observedValue: result.observedValue,
      threshold: result.threshold,
      failingRows: result.failingRows?.total ?? null,
    })),
  };
}
