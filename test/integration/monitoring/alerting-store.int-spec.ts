import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RedisConnections } from '@libs/platform';
import { startTestApp, type TestApp } from '@libs/testing';
import { withProcessEnv } from '../../support/process-env.js';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { SignalProjections } from '../../../src/contexts/monitoring/application/ports/signal-projections.js';
import { SignalReader } from '../../../src/contexts/monitoring/application/ports/signal-reader.js';
import type { AlertExpr } from '../../../src/contexts/monitoring/domain/alerts/alert-expr.js';
import { AlertRule } from '../../../src/contexts/monitoring/domain/alerts/alert-rule.js';
import { AlertRuleRepository } from '../../../src/contexts/monitoring/domain/alerts/alert-rule.repository.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';

const DAY_MS = 86_400_000;

/** An API process (no evaluator running): the rule leases and the signal tables on PostgreSQL and Redis. */
describe('alerting on PostgreSQL and Redis', () => {
  let app: TestApp;
  let rules: AlertRuleRepository;
  let projections: SignalProjections;
  let signals: SignalReader;
  let redis: RedisConnections;

  beforeAll(async () => {
    app = await withProcessEnv(FAST_AUTH_ENV, () =>
      startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
        APP_CONTEXTS: 'user-management,monitoring',
        APP_ROLE: 'api',
      }),
    );
    rules = app.app.get(AlertRuleRepository, { strict: false });
    projections = app.app.get(SignalProjections, { strict: false });
    signals = app.app.get(SignalReader, { strict: false });
    redis = app.app.get(RedisConnections, { strict: false });
  });
  afterAll(() => app?.close());

  const expr = (signal: string, rest: Partial<AlertExpr> = {}) =>
    ({ signal, filter: {}, op: '>', threshold: 0, ...rest }) as AlertExpr;

  it('gives each due rule to one evaluator at a time, and back once released', async () => {
    const now = new Date();
    const mine = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const rule = AlertRule.create({
          projectId: randomUUID(),
          name: `r${index}`,
          expr: { signal: 'model.staleness_days', op: '>', threshold: 30 },
          createdBy: randomUUID(),
          at: new Date(now.getTime() - 1000),
        });
        await rules.add(rule);
        return rule.id;
      }),
    );
    const leaseUntil = new Date(now.getTime() + 60_000);
    const claims = await Promise.all([1, 2, 3].map(() => rules.claimDue(now, leaseUntil, 500)));
    const claimedOfMine = claims.map((claim) => claim.map((rule) => rule.id).filter((id) => mine.includes(id)));
    expect(claimedOfMine.flat().sort()).toEqual([...mine].sort());
    expect(await rules.claimDue(now, leaseUntil, 500)).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ id: mine[0] })]),
    );
    await rules.release(mine[0], now);
    const again = await rules.claimDue(now, leaseUntil, 500);
    expect(again.map((rule) => rule.id)).toContain(mine[0]);
    expect(again.map((rule) => rule.id)).not.toContain(mine[1]);
  });

  it('computes workflow failure rate and longest duration over the window, whatever order the events came in', async () => {
    const [projectId, workflowId] = [randomUUID(), randomUUID()];
    const at = new Date();
    const ago = (ms: number) => new Date(at.getTime() - ms);
    const runs = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // Outcome before start, and twice: each run counts once with both its times.
    await projections.runFinished({ runId: runs[0], projectId, workflowId, outcome: 'failed', at: ago(10_000) });
    await projections.runStarted({ runId: runs[0], projectId, workflowId, at: ago(40_000) });
    await projections.runFinished({ runId: runs[0], projectId, workflowId, outcome: 'failed', at: ago(10_000) });
    await projections.runStarted({ runId: runs[1], projectId, workflowId, at: ago(25_000) });
    await projections.runFinished({ runId: runs[1], projectId, workflowId, outcome: 'succeeded', at: ago(20_000) });
    await projections.runFinished({ runId: runs[2], projectId, workflowId, outcome: 'failed', at: ago(5_000) });
    // Outside the one-minute window, and a cancelled run: neither counts.
    await projections.runFinished({ runId: runs[3], projectId, workflowId, outcome: 'failed', at: ago(120_000) });
    await projections.runFinished({ runId: randomUUID(), projectId, workflowId, outcome: 'cancelled', at: ago(1_000) });

    const [rate] = await signals.read(expr('workflow.failure_rate', { window: '1m' }), projectId, at);
    expect(rate.value).toBeCloseTo(2 / 3);
    expect(rate.labels).toEqual({ workflowId });
    expect(rate.lineage.map((node) => node.id).sort()).toEqual([runs[0], runs[2]].sort());
    const [longest] = await signals.read(expr('workflow.duration_max_seconds', { window: '1m' }), projectId, at);
    expect(longest.value).toBeCloseTo(30);
    expect(await signals.read(expr('workflow.failure_rate', { window: '1m' }), randomUUID(), at)).toEqual([]);
    const filtered = expr('workflow.failure_rate', { window: '1m', filter: { workflowId: 'not-a-uuid' } });
    expect(await signals.read(filtered, projectId, at)).toEqual([]);
  });

  it('counts failed check suites per dataset version, linked to the version and its failed results', async () => {
    const [projectId, datasetId, versionId, resultId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const at = new Date();
    const failure = { projectId, datasetId, versionId, checkResultIds: [resultId], at: new Date(at.getTime() - 1000) };
    const checkRunId = randomUUID();
    await projections.checksFailed({ ...failure, checkRunId });
    await projections.checksFailed({ ...failure, checkRunId });
    const [sample] = await signals.read(expr('data.checks_failed', { window: '1h' }), projectId, at);
    expect(sample).toEqual({
      projectId,
      labels: { datasetId, versionId },
      value: 1,
      lineage: [
        { type: 'dataset-version', id: versionId },
        { type: 'check-result', id: resultId },
      ],
    });
  });

  it('measures model staleness from the last approval, or the registration when there is none', async () => {
    const [projectId, approved, never] = [randomUUID(), randomUUID(), randomUUID()];
    const at = new Date();
    await projections.modelRegistered({ modelId: approved, projectId, at: new Date(at.getTime() - 10 * DAY_MS) });
    await projections.versionApproved({ modelId: approved, projectId, at: new Date(at.getTime() - 3 * DAY_MS) });
    await projections.versionApproved({ modelId: approved, projectId, at: new Date(at.getTime() - 5 * DAY_MS) });
    await projections.modelRegistered({ modelId: never, projectId, at: new Date(at.getTime() - 40 * DAY_MS) });
    const samples = await signals.read(expr('model.staleness_days'), projectId, at);
    const days = Object.fromEntries(samples.map((sample) => [sample.labels.modelId, Math.round(sample.value)]));
    expect(days).toEqual({ [approved]: 3, [never]: 40 });
  });

  it('reads each consumer group’s lag on the event streams from Redis', async () => {
    const stream = `events.alerting-test-${randomUUID()}`;
    const group = `alerting-test.${randomUUID()}`;
    await redis.command.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    for (let index = 0; index < 3; index += 1) await redis.command.xadd(stream, '*', 'n', String(index));
    await redis.command.xreadgroup('GROUP', group, 'c1', 'COUNT', 1, 'STREAMS', stream, '>');
    try {
      const samples = await signals.read(expr('bus.consumer_lag', { filter: { group } }), null, new Date());
      expect(samples).toEqual([{ projectId: null, labels: { stream, group }, value: 3, lineage: [] }]);
    } finally {
      await redis.command.del(stream);
    }
  });
});
