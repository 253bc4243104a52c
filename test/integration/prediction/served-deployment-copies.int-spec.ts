import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RedisConnections, type PlatformConfig } from '@libs/platform';
import { waitFor } from '@libs/testing';
import { Deployment } from '../../../src/contexts/prediction/domain/deployment/deployment.js';
import { CachedServedDeployments } from '../../../src/contexts/prediction/infrastructure/cache/cached-served-deployments.js';
import { DeploymentChangeSignals } from '../../../src/contexts/prediction/infrastructure/cache/deployment-change-signals.js';
import type { PredictionSettings } from '../../../src/contexts/prediction/infrastructure/config/prediction-settings.js';
import { InMemoryDeploymentRepository } from '../../support/prediction/fake-ports.js';
import { ACTOR, aPinnedVersion, aVariant, PROJECT } from '../../support/prediction/prediction-objects.js';

const NEW_VERSION = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000009f1' });

/** One serving process's view: its own Redis connections, change signals and copies. */
function aServingProcess(deployments: InMemoryDeploymentRepository, ttlMs: number) {
  const redis = new RedisConnections({
    redisUrl: process.env.REDIS_URL!,
    redisCommandTimeoutMs: 1000,
  } as PlatformConfig);
  const signals = new DeploymentChangeSignals(redis);
  const settings = { deploymentCacheTtlMs: ttlMs } as PredictionSettings;
  return { redis, signals, copies: new CachedServedDeployments(deployments, signals, settings) };
}

/** Changes the stored row behind every copy's back, as another process's write does before it announces. */
async function repin(deployments: InMemoryDeploymentRepository, id: string): Promise<void> {
  const deployment = (await deployments.find(id))!;
  const [variant] = deployment.variants;
  deployment.change({ routing: deployment.routing, variants: [{ ...variant, version: NEW_VERSION }], at: new Date() });
  await deployments.save(deployment);
}

const pinnedVersionOf = (deployment: Deployment | undefined) => deployment?.variants[0].version.versionId;

describe('serving processes’ copies of deployments (Redis)', () => {
  const deployments = new InMemoryDeploymentRepository();
  const writer = aServingProcess(deployments, 60_000);
  const server = aServingProcess(deployments, 60_000);
  const shortLived = aServingProcess(deployments, 300);
  let deployment: Deployment;

  beforeAll(async () => {
    deployment = Deployment.create({
      projectId: PROJECT,
      name: 'churn',
      routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
      variants: [aVariant('champion', 100)],
      createdBy: ACTOR,
      at: new Date(),
    });
    await deployments.add(deployment);
    // Each subscriber listens before the test announces anything. (Not counted with PUBSUB NUMSUB:
    // channels span the server's databases, so other test files' apps listen on the same one.)
    await Promise.all([writer, server, shortLived].map(({ signals }) => signals.onModuleInit()));
  });
  afterAll(async () => {
    for (const { signals, redis } of [writer, server, shortLived]) {
      await signals.onApplicationShutdown();
      await redis.onApplicationShutdown();
    }
  });

  it('serves its copy until another process announces the change, then reads the row again', async () => {
    const before = await server.copies.byName(PROJECT, 'churn');
    expect(await server.copies.byId(deployment.id)).toBeDefined();

    await repin(deployments, deployment.id);
    expect(pinnedVersionOf(await server.copies.byName(PROJECT, 'churn'))).toBe(pinnedVersionOf(before));

    writer.signals.announce(deployment.id);
    await waitFor(async () => pinnedVersionOf(await server.copies.byName(PROJECT, 'churn')) === NEW_VERSION.versionId, {
      what: 'the copy read by name to be dropped',
    });
    expect(pinnedVersionOf(await server.copies.byId(deployment.id))).toBe(NEW_VERSION.versionId);
  });

  it('reads the row again once its TTL passed, with no announcement heard', async () => {
    const other = Deployment.create({
      projectId: PROJECT,
      name: 'fraud',
      routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
      variants: [aVariant('champion', 100)],
      createdBy: ACTOR,
      at: new Date(),
    });
    await deployments.add(other);
    const first = await shortLived.copies.byName(PROJECT, 'fraud');

    await repin(deployments, other.id);

    expect(pinnedVersionOf(first)).not.toBe(NEW_VERSION.versionId);
    await waitFor(
      async () => pinnedVersionOf(await shortLived.copies.byName(PROJECT, 'fraud')) === NEW_VERSION.versionId,
      {
        what: 'the copy to expire',
      },
    );
  });

  it('does not remember a name it did not find: a deployment created next answers at once', async () => {
    expect(await server.copies.byName(PROJECT, 'created-next')).toBeUndefined();
    await deployments.add(
      Deployment.create({
        projectId: PROJECT,
        name: 'created-next',
        routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
        variants: [aVariant('champion', 100)],
        createdBy: ACTOR,
        at: new Date(),
      }),
    );
    expect((await server.copies.byName(PROJECT, 'created-next'))?.name).toBe('created-next');
  });
});
