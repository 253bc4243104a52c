import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@libs/ddd';
import { RedisConnections, type PlatformConfig } from '@libs/platform';
import { banditArm } from '../../../src/contexts/prediction/application/ports/bandit-feedback.js';
import { FeedbackSettings } from '../../../src/contexts/prediction/application/ports/feedback-settings.js';
import { BanditRouting } from '../../../src/contexts/prediction/application/services/bandit-routing.js';
import { Deployment } from '../../../src/contexts/prediction/domain/deployment/deployment.js';
import { RedisBanditFeedback } from '../../../src/contexts/prediction/infrastructure/bandit/redis-bandit-feedback.js';
import { seededRandom } from '../../support/data-pipeline/seeded-random.js';
import { SeededTrafficRandom } from '../../support/prediction/fake-ports.js';
import { ACTOR, aVariant, PROJECT } from '../../support/prediction/prediction-objects.js';

const connect = (timeoutMs = 1000) =>
  new RedisConnections({ redisUrl: process.env.REDIS_URL!, redisCommandTimeoutMs: timeoutMs } as PlatformConfig);
// Read afresh on every request, so each routing sees the feedback counted just before it.
const settings = new FeedbackSettings(1000, 50_000, 65_536, 60_000, 3_600_000, 0);

function banditDeployment(): Deployment {
  return Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode: 'bandit', requestKeyHeader: 'x-request-key', minFeedback: 20 },
    variants: [aVariant('a', 50), aVariant('b', 50)],
    createdBy: ACTOR,
    at: new Date(),
  });
}

describe('Thompson-sampling routing on Redis', () => {
  // Two connections stand for two processes: one counts the feedback, the other routes.
  let feedbackProcess: RedisConnections;
  let routingProcess: RedisConnections;

  beforeAll(() => {
    feedbackProcess = connect();
    routingProcess = connect();
  });
  afterAll(async () => {
    await feedbackProcess.onApplicationShutdown();
    await routingProcess.onApplicationShutdown();
  });

  it('counts concurrent feedback exactly, per arm, with an expiry', async () => {
    const counter = new RedisBanditFeedback(feedbackProcess);
    const deploymentId = newId();
    await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        counter.observe(deploymentId, banditArm(index % 2 ? 'a' : 'b', 'version-1'), index % 3 === 0),
      ),
    );

    const arms = await new RedisBanditFeedback(routingProcess).read(deploymentId);
    const a = arms.get('a/version-1')!;
    const b = arms.get('b/version-1')!;
    expect(a.successes + a.failures).toBe(150);
    expect(b.successes + b.failures).toBe(150);
    expect(a.successes + b.successes).toBe(100);
    expect(await feedbackProcess.command.ttl(`prediction:bandit:${deploymentId}`)).toBeGreaterThan(29 * 24 * 3600);
  });

  it('moves the traffic of one process to the variant the feedback of another says is better', async () => {
    const deployment = banditDeployment();
    const counter = new RedisBanditFeedback(feedbackProcess);
    const routing = new BanditRouting(new RedisBanditFeedback(routingProcess), new SeededTrafficRandom(5), settings);
    const outcome = seededRandom(20261207);
    // The planted difference: b is right 80% of the time, a 50%.
    const rates: Record<string, number> = { a: 0.5, b: 0.8 };
    const choices: string[] = [];
    for (let round = 0; round < 900; round += 1) {
      const { primary } = await routing.route(deployment);
      choices.push(primary.name);
      if (round < 400)
        await counter.observe(
          deployment.id,
          banditArm(primary.name, primary.version.versionId),
          outcome() < rates[primary.name],
        );
    }

    // The first 40 rounds route 50/50 by weight (each arm needs 20 judged answers first), after which
    // a collects on the order of log(n) / KL(0.5, 0.8) ≈ 5 log(n) ≈ 30 more: its posterior is near
    // Beta(16, 16) (sd 0.09) against b's near Beta(290, 75) (sd 0.02), so a's draw wins with a chance
    // of about P(z > 3.2) < 0.001 per request. 0.7 over the 500 requests after the feedback stops
    // leaves room for a posterior far less settled than that.
    const after = choices.slice(400);
    expect(after.filter((name) => name === 'b').length / after.length).toBeGreaterThan(0.7);
    const early = choices.slice(0, 40).filter((name) => name === 'b').length / 40;
    expect(early).toBeGreaterThan(0.2);
    expect(early).toBeLessThan(0.8);
  });

  it('routes by weight when Redis does not answer', async () => {
    const lost = connect(200);
    await lost.command.ping();
    lost.command.disconnect();
    const routing = new BanditRouting(new RedisBanditFeedback(lost), new SeededTrafficRandom(9), settings);
    const deployment = banditDeployment();

    const picks = new Set<string>();
    for (let round = 0; round < 20; round += 1) picks.add((await routing.route(deployment)).primary.name);

    expect([...picks].sort()).toEqual(['a', 'b']);
  });
});
