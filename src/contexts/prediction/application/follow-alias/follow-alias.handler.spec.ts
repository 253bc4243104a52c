import { describe, expect, it } from '@jest/globals';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aPinnedVersion, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { CreateDeploymentHandler } from '../create-deployment/create-deployment.handler.js';
import { VariantPinning } from '../services/variant-pinning.js';
import { FollowAliasHandler } from './follow-alias.handler.js';

const v1 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000c1', versionNumber: 1 });
const v2 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000c2', versionNumber: 2 });
const pinnedTo = (versionId: string) => aPinnedVersion({ versionId });
const at = new Date('2026-12-07T00:00:00Z');

function arrange() {
  const ports = fakePredictionPorts();
  ports.versions.serves('churn@champion', v1).serves('churn@challenger', v1).serves(v1.versionId, v1);
  const creation = new CreateDeploymentHandler(
    ports.transaction,
    ports.deployments,
    new VariantPinning(ports.versions, ports.remoteUrls),
    ports.events,
  );
  const deploy = (name: string, model: string) =>
    creation.execute({
      projectId: PROJECT,
      name,
      variants: [{ name: 'main', model, runtime: 'onnx' }],
      actorId: ACTOR,
    });
  const follow = new FollowAliasHandler(
    ports.transaction,
    ports.deployments,
    ports.versions,
    ports.events,
    ports.cache,
  );
  return { ports, deploy, follow };
}

describe('FollowAliasHandler', () => {
  it('re-pins the deployments naming the moved alias, publishes each roll and purges the old version’s answers', async () => {
    const { ports, deploy, follow } = arrange();
    const following = await deploy('churn', 'churn@champion');
    const other = await deploy('churn-challenger', 'churn@challenger');
    const pinned = await deploy('churn-pinned', v1.versionId);
    await ports.cache.set(v1.versionId, 'k', [], 60);
    ports.versions.serves('churn@champion', v2);

    const rolls = await follow.execute({ projectId: PROJECT, alias: 'champion', at });

    expect(rolls.map((roll) => [roll.variant, roll.from.versionId, roll.to.versionId])).toEqual([
      ['main', v1.versionId, v2.versionId],
    ]);
    expect((await ports.deployments.find(following.id))?.variants[0].version).toEqual(v2);
    expect((await ports.deployments.find(other.id))?.variants[0].version).toEqual(v1);
    expect((await ports.deployments.find(pinned.id))?.variants[0].version).toEqual(v1);
    expect(ports.events.published.at(-1)).toMatchObject({
      type: 'prediction.deployment.rolled.v1',
      payload: {
        deploymentId: following.id,
        model: 'churn@champion',
        variants: [{ name: 'main', fromVersionId: v1.versionId, toVersionId: v2.versionId }],
      },
      subject: { aggregateId: following.id, aggregateVersion: 2 },
    });
    expect(ports.cache.purged).toEqual([v1.versionId]);
    expect(await ports.cache.get(v1.versionId, 'k')).toBeUndefined();
  });

  it('changes nothing when delivered again', async () => {
    const { ports, deploy, follow } = arrange();
    await deploy('churn', 'churn@champion');
    ports.versions.serves('churn@champion', v2);
    await follow.execute({ projectId: PROJECT, alias: 'champion', at });
    const published = ports.events.published.length;

    expect(await follow.execute({ projectId: PROJECT, alias: 'champion', at })).toEqual([]);
    expect(ports.events.published).toHaveLength(published);
  });

  it('keeps the old pin when the alias now names a version that may not be served', async () => {
    const { ports, deploy, follow } = arrange();
    const following = await deploy('churn', 'churn@champion');
    ports.versions.refuses('churn@champion', 'version x has no artifact');
    const rolled = await follow.execute({ projectId: PROJECT, alias: 'champion', at });

    ports.versions.serves('churn@champion', { ...pinnedTo(v2.versionId), framework: 'sklearn' });
    const wrongFramework = await follow.execute({ projectId: PROJECT, alias: 'champion', at });

    expect([rolled, wrongFramework]).toEqual([[], []]);
    expect((await ports.deployments.find(following.id))?.variants[0].version).toEqual(v1);
    expect(ports.cache.purged).toEqual([]);
  });
});
