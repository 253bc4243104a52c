import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '@libs/testing';
import { withProcessEnv } from '../../support/process-env.js';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { PipelineRunLog } from '../../../src/contexts/data-pipeline/application/ports/pipeline-run-log.js';
import { PruneLogsHandler } from '../../../src/contexts/monitoring/application/prune-logs/prune-logs.handler.js';
import { SearchLogsHandler } from '../../../src/contexts/monitoring/application/search-logs/search-logs.handler.js';
import type { SearchLogsQuery } from '../../../src/contexts/monitoring/application/search-logs/search-logs.query.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';
import { aBatchPrediction, aPipelineRun } from '../../support/monitoring/run-log-rows.js';

/**
 * Log search over the three contexts' own tables on the real PostgreSQL: an API process hosting
 * them all, rows written as each context writes them (docs/adr/0605).
 */
describe('log search across task runs, pipeline runs and batch predictions', () => {
  let app: TestApp;
  let db: DataSource;
  let search: SearchLogsHandler;
  let prune: PruneLogsHandler;
  const projectId = randomUUID();
  const otherProject = randomUUID();
  const [workflowRun, pipelineRun, batchJob, otherRun] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const now = Date.now();
  const ago = (minutes: number) => new Date(now - minutes * 60_000);

  beforeAll(async () => {
    app = await withProcessEnv({ ...FAST_AUTH_ENV, LOG_RETENTION_DAYS: '7' }, () =>
      startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
        APP_CONTEXTS: 'user-management,workflow-engine,data-pipeline,prediction,monitoring',
        APP_ROLE: 'api',
      }),
    );
    db = app.app.get(DataSource);
    search = app.app.get(SearchLogsHandler, { strict: false });
    prune = app.app.get(PruneLogsHandler, { strict: false });
    await aWorkflowRun(workflowRun, projectId);
    await aWorkflowRun(otherRun, otherProject);
    await aPipelineRun(db, pipelineRun, projectId);
    await aBatchPrediction(db, batchJob, projectId);
    const task = (run: string, key: string, minutes: number, level: string, line: string) =>
      db.query(
        `INSERT INTO workflow_engine.task_log_lines (run_id, task_run_key, attempt, at, level, line)
         VALUES ($1, $2, 1, $3, $4, $5)`,
        [run, key, ago(minutes), level, line],
      );
    await task(workflowRun, 'train', 50, 'info', 'started http task, attempt 1');
    await task(workflowRun, 'train', 40, 'error', 'failed: connection timeout after 30 s');
    await task(workflowRun, 'score', 30, 'info', 'succeeded');
    await task(otherRun, 'train', 20, 'error', 'failed: connection timeout in another project');
    await task(workflowRun, 'train', 10 * 24 * 60, 'info', 'a line older than the retention');
    // Written by the data-pipeline's own writer, at its time; then the older ones dated by hand.
    await app.app.get(PipelineRunLog, { strict: false }).append({
      runId: pipelineRun,
      projectId,
      attempt: 1,
      step: 'checked',
      level: 'warn',
      message: 'step checked quarantined 3 rows',
    });
    await db.query(
      `INSERT INTO data_pipeline.pipeline_run_log_lines (run_id, project_id, attempt, step, level, at, message)
       VALUES ($1, $2, 1, NULL, 'info', $3, 'started pipeline clean v1, attempt 1')`,
      [pipelineRun, projectId, ago(45)],
    );
    await db.query(
      `INSERT INTO prediction.batch_prediction_log_lines (batch_prediction_id, project_id, level, at, message)
       VALUES ($1, $2, 'error', $3, 'failed: the runtime ran out of memory'),
              ($1, $2, 'info', $4, 'a batch line older than the retention')`,
      [batchJob, projectId, ago(35), ago(8 * 24 * 60)],
    );
  });
  afterAll(() => app?.close());

  const messages = async (query: Partial<SearchLogsQuery>) =>
    (await search.execute({ projectId, limit: 100, ...query })).items.map((item) => item.message);

  it('finds words in every source, stemmed, with phrases, and never another project’s lines', async () => {
    expect(await messages({ text: 'timeout' })).toEqual(['failed: connection timeout after 30 s']);
    expect(await messages({ text: 'fail' })).toEqual([
      'failed: the runtime ran out of memory',
      'failed: connection timeout after 30 s',
    ]);
    expect(await messages({ text: '"out of memory"' })).toEqual(['failed: the runtime ran out of memory']);
    expect(await messages({ text: 'started -http' })).toEqual(['started pipeline clean v1, attempt 1']);
    expect(await messages({ projectId: otherProject, text: 'timeout' })).toEqual([
      'failed: connection timeout in another project',
    ]);
  });

  it('filters by run, task, level (and above) and time, newest first', async () => {
    const page = await search.execute({ projectId, runId: workflowRun, from: ago(60), limit: 100 });
    expect(page.items.map((item) => [item.source, item.taskId, item.attempt, item.level, item.message])).toEqual([
      ['task-run', 'score', 1, 'info', 'succeeded'],
      ['task-run', 'train', 1, 'error', 'failed: connection timeout after 30 s'],
      ['task-run', 'train', 1, 'info', 'started http task, attempt 1'],
    ]);
    expect(await messages({ taskId: 'checked' })).toEqual(['step checked quarantined 3 rows']);
    expect(await messages({ level: 'warn' })).toEqual([
      'step checked quarantined 3 rows',
      'failed: the runtime ran out of memory',
      'failed: connection timeout after 30 s',
    ]);
    expect(await messages({ from: ago(38), to: ago(32) })).toEqual(['failed: the runtime ran out of memory']);
    expect((await search.execute({ projectId, runId: batchJob, limit: 1 })).items[0]).toMatchObject({
      source: 'batch-prediction',
      runId: batchJob,
      taskId: null,
    });
  });

  it('pages through all sources once each, in order', async () => {
    const all = await messages({});
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search.execute({ projectId, limit: 2, cursor });
      paged.push(...page.items.map((item) => item.message));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(all).toHaveLength(8);
    expect(paged).toEqual(all);
  });

  it('orders lines of one millisecond by their seq as a number, also across a digit more', async () => {
    const [project, batch] = [randomUUID(), randomUUID()];
    await aBatchPrediction(db, batch, project);
    const at = ago(5);
    // Seqs far above the identity's, one digit apart in length: as text, "9…" would sort above "1…".
    for (const seq of [999_999_998, 999_999_999, 1_000_000_000]) {
      await db.query(
        `INSERT INTO prediction.batch_prediction_log_lines (seq, batch_prediction_id, project_id, level, at, message)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, 'info', $4, $5)`,
        [seq, batch, project, at, `line ${seq}`],
      );
    }
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search.execute({ projectId: project, limit: 1, cursor });
      paged.push(...page.items.map((item) => item.message));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(paged).toEqual(['line 1000000000', 'line 999999999', 'line 999999998']);
  });

  it('deletes the lines past LOG_RETENTION_DAYS in every source and keeps the others', async () => {
    const pruned = await prune.execute({});
    expect(pruned['task-run']).toBeGreaterThanOrEqual(1);
    expect(pruned['batch-prediction']).toBeGreaterThanOrEqual(1);
    expect(pruned).toHaveProperty('pipeline-run');
    const left = await messages({});
    expect(left).not.toContain('a line older than the retention');
    expect(left).not.toContain('a batch line older than the retention');
    expect(left).toHaveLength(6);
  });

  async function aWorkflowRun(id: string, project: string): Promise<void> {
    const workflowId = randomUUID();
    await db.query(
      `INSERT INTO workflow_engine.workflows (id, project_id, name, latest_version, created_at, updated_at, version)
       VALUES ($1, $2, $3, 1, now(), now(), 1)`,
      [workflowId, project, `logs-${workflowId}`],
    );
    await db.query(
      `INSERT INTO workflow_engine.workflow_versions (workflow_id, number, document, created_at) VALUES ($1, 1, '{}', now())`,
      [workflowId],
    );
    await db.query(
      `INSERT INTO workflow_engine.runs (id, workflow_id, workflow_version, project_id, state, params, trigger,
         created_at, updated_at, version)
       VALUES ($1, $2, 1, $3, 'failed', '{}', '{}', now(), now(), 1)`,
      [id, workflowId, project],
    );
  }
});
