import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { CheckRunRepository } from '../../domain/checks/check-run.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { requireDatasetVersion } from '../services/dataset-lookups.js';
import type { CheckRunReport, GetCheckRunReportQuery } from './get-check-run-report.query.js';

/** A check run with the version it checked, for the report page (Data Docs style). */
@Injectable()
export class GetCheckRunReportHandler {
  constructor(
    private readonly runs: CheckRunRepository,
    private readonly versions: DatasetVersionRepository,
  ) {}

  async execute(query: GetCheckRunReportQuery): Promise<CheckRunReport> {
    const run = await this.runs.find(query.checkRunId);
    if (!run) throw new NotFoundError('Check run', query.checkRunId);
    if (run.versionId === null) return { run };
    return { run, version: await requireDatasetVersion(this.versions, run.versionId) };
  }
}
