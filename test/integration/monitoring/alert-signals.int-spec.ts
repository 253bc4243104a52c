import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { RedisConnections } from '@libs/platform';
import { startTestApp, waitFor, type TestApp } from '@libs/testing';
import { withProcessEnv } from '../../support/process-env.js';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { EvaluateDueAlertRulesHandler } from '../../../src/contexts/monitoring/application/evaluate-due-alert-rules/evaluate-due-alert-rules.handler.js';
import { SignalProjections } from '../../../src/contexts/monitoring/application/ports/signal-projections.js';
import type { AlertStateName } from '../../../src/contexts/monitoring/domain/alerts/alert-state.js';
import { AlertRule } from '../../../src/contexts/monitoring/domain/alerts/alert-rule.js';
import { AlertRuleRepository } from '../../../src/contexts/monitoring/domain/alerts/alert-rule.repository.js';
import { AlertRepository } from '../../../src/contexts/monitoring/domain/alerts/alert.repository.js';
import {
  PredictionLog,
  type AnsweredPrediction,
} from '../../../src/contexts/prediction/application/ports/prediction-log.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';

/**
 * Each signal of docs/adr/0604 planted for real (task events, prediction log records, outbox rows,
 * BullMQ jobs) and watched by a rule, evaluated by the evaluator use case in an API process (no
 * poller racing the test): the rule's alert goes pending, then firing once `for` has passed.
 */
describe('alert signals from tasks, predictions, outboxes and queues', () => {
  let app: TestApp;
  let rules: AlertRuleRepository;
  let alerts: AlertRepository;
  let evaluator: EvaluateDueAlertRulesHandler;
  let projections: SignalProjections;
  let predictionLog: PredictionLog;
  let redis: RedisConnections;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await withProcessEnv({ ...FAST_AUTH_ENV, ALERT_EVAL_INTERVAL_MS: '50' }, () =>
      startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
        APP_CONTEXTS: 'user-management,model-registry,prediction,monitoring',
        APP_ROLE: 'api',
      }),
    );
    rules = app.app.get(AlertRuleRepository, { strict: false });
    alerts = app.app.get(AlertRepository, { strict: false });
    evaluator = app.app.get(EvaluateDueAlertRulesHandler, { strict: false });
    projections = app.app.get(SignalProjections, { strict: false });
    predictionLog = app.app.get(PredictionLog, { strict: false });
    redis = app.app.get(RedisConnections, { strict: false });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app?.close());

  async function watch(projectId: string | null, expr: object): Promise<string> {
    const rule = AlertRule.create({
      projectId,
      name: `watch ${randomUUID()}`,
      expr,
      for: '1s',
      createdBy: randomUUID(),
      at: new Date(),
    });
    await rules.add(rule);
    return rule.id;
  }

  /** Runs evaluator rounds until the rule has an alert in `state`; answers that alert. */
  const alertIn = (ruleId: string, state: AlertStateName) =>
    waitFor(
      async () => {
        await evaluator.execute({});
        return (await alerts.ofRule(ruleId)).find((alert) => alert.status.state === state);
      },
      { timeoutMs: 15_000, intervalMs: 50, what: `a ${state} alert of rule ${ruleId}` },
    );

  /** Waits for the rule's alert to fire, and checks from its history that it was pending first. */
  async function expectPendingThenFiring(ruleId: string, projectId: string | null) {
    const firing = await alertIn(ruleId, 'firing');
    const history = await alerts.history({ projectId, ruleId, limit: 100 });
    const steps = history.items.filter((transition) => transition.alertId === firing.id);
    expect(steps.map((transition) => `${transition.from}->${transition.to}`)).toEqual([
      'inactive->pending',
      'pending->firing',
    ]);
    return firing;
  }

  it('fires on task retries per workflow and task, linked to the runs that retried', async () => {
    const [projectId, workflowId, runs] = [randomUUID(), randomUUID(), [randomUUID(), randomUUID()]];
    const finished = (runId: string, taskRunKey: string, attempt: number) =>
      projections.taskFinished({ runId, projectId, workflowId, taskRunKey, taskId: 'train', attempt, at: new Date() });
    await finished(runs[0], 'train', 3);
    await finished(runs[0], 'train', 3);
    await finished(runs[1], 'train', 2);
    await finished(randomUUID(), 'train', 1);
    const ruleId = await watch(projectId, {
      signal: 'workflow.task_retries',
      window: '1h',
      filter: { workflowId },
      op: '>=',
      threshold: 3,
    });
    const firing = await expectPendingThenFiring(ruleId, projectId);
    expect(firing.value).toBe(3);
    expect(firing.labels).toMatchObject({ workflowId, taskId: 'train' });
    expect(firing.lineage.map((node) => node.id).sort()).toEqual([...runs].sort());
  });

  function answered(
    projectId: string,
    deploymentId: string,
    variant: string,
    outcome: 'ok' | 'failed',
    latencyMs: number,
  ): AnsweredPrediction {
    return {
      predictionId: randomUUID(),
      projectId,
      deploymentId,
      variant,
      modelVersionId: randomUUID(),
      outcome,
      predicted: 1,
      latencyMs,
      at: new Date(),
      sampleRate: 0,
      payload: { request: () => [], response: () => [] },
    };
  }

  it('fires on the error rate and the p99 latency of one variant of a deployment, not its healthy sibling', async () => {
    const [projectId, deploymentId] = [randomUUID(), randomUUID()];
    for (let index = 0; index < 100; index += 1) {
      predictionLog.record(
        answered(projectId, deploymentId, 'canary', index < 30 ? 'failed' : 'ok', index < 95 ? 10 : 900),
      );
      predictionLog.record(answered(projectId, deploymentId, 'stable', 'ok', 5));
    }
    await predictionLog.flush();
    const errors = await watch(projectId, {
      signal: 'prediction.error_rate',
      window: '10m',
      filter: { deploymentId },
      op: '>',
      threshold: 0.1,
    });
    const latency = await watch(projectId, {
      signal: 'prediction.latency_p99_seconds',
      window: '10m',
      filter: { deploymentId },
      op: '>',
      threshold: 0.5,
    });
    const failing = await expectPendingThenFiring(errors, projectId);
    expect(failing.labels).toMatchObject({ deploymentId, variant: 'canary' });
    expect(failing.value).toBeCloseTo(0.3);
    const slow = await expectPendingThenFiring(latency, projectId);
    expect(slow.labels).toMatchObject({ deploymentId, variant: 'canary' });
    expect(slow.value).toBeCloseTo(0.9, 1);
    const all = [...(await alerts.ofRule(errors)), ...(await alerts.ofRule(latency))];
    expect(all.filter((alert) => alert.labels.variant === 'stable' && alert.status.state !== 'inactive')).toEqual([]);
  });

  it('fires on a context’s unpublished outbox rows (a global rule)', async () => {
    const planted = [randomUUID(), randomUUID(), randomUUID()];
    // An API process runs no relay: the rows stay unpublished until the test removes them.
    for (const id of planted) {
      await dataSource.query(
        `INSERT INTO monitoring.outbox (id, type, envelope) VALUES ($1, 'test.planted.v1', '{}')`,
        [id],
      );
    }
    try {
      const ruleId = await watch(null, {
        signal: 'bus.outbox_backlog',
        filter: { context: 'monitoring' },
        op: '>=',
        threshold: 3,
      });
      const firing = await expectPendingThenFiring(ruleId, null);
      expect(firing.labels).toMatchObject({ context: 'monitoring' });
      expect(firing.value).toBeGreaterThanOrEqual(3);
      expect(firing.projectId).toBeNull();
    } finally {
      await dataSource.query('DELETE FROM monitoring.outbox WHERE id = ANY($1)', [planted]);
    }
  });

  it('fires on a queue’s waiting and delayed jobs, found in Redis by its BullMQ keys', async () => {
    const name = `alert-signals-${randomUUID()}`;
    const queue = new Queue(name, { connection: redis.bullmqOptions(), prefix: '{alert-signals-test}' });
    try {
      await queue.add('now', { n: 1 });
      await queue.add('soon', { n: 2 }, { delay: 3_600_000 });
      await queue.add('later', { n: 3 }, { delay: 7_200_000 });
      const ruleId = await watch(null, { signal: 'queue.depth', filter: { queue: name }, op: '>=', threshold: 3 });
      const firing = await expectPendingThenFiring(ruleId, null);
      expect(firing.labels).toMatchObject({ queue: name });
      expect(firing.value).toBe(3);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
