import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { waitFor, type AppProcess } from '@libs/testing';
import { aBatchPrediction, aPipelineRun } from '../../support/monitoring/run-log-rows.js';
import { SplitDeployment } from '../../support/split-deployment.js';
import { ADMIN, Client, newUser, type NewUser } from '../user-management/auth-client.js';

interface LogLine {
  readonly source: string;
  readonly message: string;
}

const RETENTION_DAYS = 7;

/**
 * Monitoring in one process, data-pipeline and prediction in another (docs/adr/0704, 0605): the
 * monitoring process searches and prunes pipeline-run and batch-prediction log lines through the
 * owners' internal facade routes, as it would the local sources.
 */
describe('log search of contexts hosted in another process', () => {
  let deployment: SplitDeployment;
  let monitoring: AppProcess;
  let db: pg.Client;
  let owner: NewUser;
  let projectId: string;
  const [pipelineRun, batchJob] = [randomUUID(), randomUUID()];
  const now = Date.now();
  const ago = (minutes: number) => new Date(now - minutes * 60_000);
  const pastRetention = ago((RETENTION_DAYS + 3) * 24 * 60);

  beforeAll(async () => {
    deployment = await SplitDeployment.create();
    // Monitoring's process first: it runs user management's migrations, which the other's guard reads.
    monitoring = await deployment.start('user-management,workflow-engine,monitoring', {
      LOG_RETENTION_DAYS: String(RETENTION_DAYS),
      LOG_PRUNE_INTERVAL_MS: '1000',
    });
    await deployment.start('data-pipeline,prediction');
    const anonymous = new Client(monitoring.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    owner = await newUser(admin, anonymous);
    projectId = (await owner.client.call('POST', '/api/v1/projects', { name: `remote-logs-${Date.now()}` })).body.id;

    db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await aPipelineRun(db, pipelineRun, projectId);
    await aBatchPrediction(db, batchJob, projectId);
    await db.query(
      `INSERT INTO data_pipeline.pipeline_run_log_lines (run_id, project_id, attempt, step, level, at, message)
       VALUES ($1, $2, 1, NULL, 'info', $3, 'started pipeline clean v1, attempt 1'),
              ($1, $2, 1, 'checked', 'warn', $4, 'step checked quarantined 3 rows'),
              ($1, $2, 1, NULL, 'info', $5, 'a pipeline line older than the retention')`,
      [pipelineRun, projectId, ago(30), ago(20), pastRetention],
    );
    await db.query(
      `INSERT INTO prediction.batch_prediction_log_lines (batch_prediction_id, project_id, level, at, message)
       VALUES ($1, $2, 'error', $3, 'failed: the runtime ran out of memory'),
              ($1, $2, 'info', $4, 'a batch line older than the retention')`,
      [batchJob, projectId, ago(10), pastRetention],
    );
  });
  afterAll(async () => {
    await db?.end();
    await deployment?.close();
  });

  // Only the last hour's lines: the older ones may be pruned meanwhile.
  const recent = (query = '', limit = 100) =>
    owner.client.call(
      'GET',
      `/api/v1/projects/${projectId}/logs?from=${ago(60).toISOString()}&limit=${limit}&${query}`,
    );
  const lines = (body: { items: LogLine[] }) => body.items.map((line) => [line.source, line.message]);

  it('finds the lines of pipeline runs and batch predictions, hosted in the other process, by words, level and page', async () => {
    // Until the other process is in the service registry, the owners' facades answer 503.
    const all = await waitFor(
      async () => {
        const answer = await recent();
        return answer.status === 200 ? answer : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the owners of the logs to be reachable' },
    );
    expect(lines(all.body)).toEqual([
      ['batch-prediction', 'failed: the runtime ran out of memory'],
      ['pipeline-run', 'step checked quarantined 3 rows'],
      ['pipeline-run', 'started pipeline clean v1, attempt 1'],
    ]);
    expect(lines((await recent('q=memory')).body)).toEqual([
      ['batch-prediction', 'failed: the runtime ran out of memory'],
    ]);
    expect(lines((await recent(`level=warn&taskId=checked`)).body)).toEqual([
      ['pipeline-run', 'step checked quarantined 3 rows'],
    ]);

    // The cursor carries the last line's time across to the owners as a date.
    const first = await recent('', 1);
    const second = await recent(`cursor=${first.body.nextCursor}`, 1);
    expect([...lines(first.body), ...lines(second.body)]).toEqual(lines(all.body).slice(0, 2));
  });

  it('prunes their lines past retention from the monitoring process’s workers, keeping the others', async () => {
    const count = async (condition: string) => {
      const { rows } = await db.query<{ lines: string }>(
        `SELECT (SELECT count(*) FROM data_pipeline.pipeline_run_log_lines WHERE project_id = $1 AND ${condition})
              + (SELECT count(*) FROM prediction.batch_prediction_log_lines WHERE project_id = $1 AND ${condition}) AS lines`,
        [projectId],
      );
      return Number(rows[0].lines);
    };
    const old = `at < now() - interval '${RETENTION_DAYS} days'`;
    await waitFor(async () => (await count(old)) === 0, { timeoutMs: 30_000, what: 'the old lines to be pruned' });
    expect(await count(`NOT (${old})`)).toBe(3);
  });
});
