import { Injectable } from '@nestjs/common';
import type { CheckRun } from '../../domain/checks/check-run.js';
import { CheckRunRepository } from '../../domain/checks/check-run.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { requireDatasetVersion } from '../services/dataset-lookups.js';
import type { ListCheckRunsQuery } from './list-check-runs.query.js';

/** The check runs of a version, newest first; an unknown version is refused rather than answered empty. */
@Injectable()
export class ListCheckRunsHandler {
  constructor(
    private readonly versions: DatasetVersionRepository,
    private readonly runs: CheckRunRepository,
  ) {}

  async execute(query: ListCheckRunsQuery): Promise<CheckRun[]> {
    await requireDatasetVersion(this.versions, query.versionId);
    return this.runs.listByVersion(query.versionId);
  }
}
