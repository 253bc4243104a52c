import { Injectable } from '@nestjs/common';
import type { BlockingCheck } from '../../contracts/dataset-quality.facade.js';
import { blockingResults } from '../../domain/checks/blocking.js';
import type { CheckRun, StoredCheckResult } from '../../domain/checks/check-run.js';
import { CheckRunRepository } from '../../domain/checks/check-run.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import type { FindBlockingChecksQuery } from './find-blocking-checks.query.js';

type Latest = StoredCheckResult & { readonly checkRunId: string };

/**
 * A version's verdict, as a consumer reads it, is the latest result of each check ever run on it:
 * a rerun of a check supersedes its earlier result, while a check of another suite run before still
 * counts. The consumer's `blockOn` picks the results that stop it.
 */
@Injectable()
export class FindBlockingChecksHandler {
  constructor(
    private readonly versions: DatasetVersionRepository,
    private readonly runs: CheckRunRepository,
  ) {}

  async execute(query: FindBlockingChecksQuery): Promise<BlockingCheck[]> {
    if (query.blockOn === 'none') return [];
    const blocking: BlockingCheck[] = [];
    for (const datasetVersionId of new Set(query.datasetVersionIds)) {
      const version = await this.versions.find(datasetVersionId);
      if (version?.projectId !== query.projectId) continue;
      const latest = latestResults(await this.runs.listByVersion(datasetVersionId));
      blocking.push(...blockingResults(latest, query.blockOn).map((result) => blockingCheck(datasetVersionId, result)));
    }
    return blocking;
  }
}

/** The newest result of each check name, from runs listed newest first. */
function latestResults(runsNewestFirst: readonly CheckRun[]): Latest[] {
  const byName = new Map<string, Latest>();
  for (const run of runsNewestFirst)
    for (const result of run.results)
      if (!byName.has(result.check)) byName.set(result.check, { ...result, checkRunId: run.id });
  return [...byName.values()];
}

function blockingCheck(datasetVersionId: string, result: Latest): BlockingCheck {
  return {
    datasetVersionId,
    checkRunId: result.checkRunId,
    checkResultId: result.id,
    name: result.check,
    kind: result.kind,
    severity: result.severity,
    // Only warnings and failures reach a blockOn other than none.
    outcome: result.status === 'fail' ? 'fail' : 'warn',
    observedValue: result.observedValue,
    threshold: result.threshold,
  };
}
