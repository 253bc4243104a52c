import { describe, expect, it } from '@jest/globals';
import type { ModelRegistryEvents } from '@contexts/model-registry';
import { envelopeOf } from '../../../../../test/support/data-pipeline/event-envelopes.js';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aPinnedVersion, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { CreateDeploymentHandler } from '../../application/create-deployment/create-deployment.handler.js';
import { FollowAliasHandler } from '../../application/follow-alias/follow-alias.handler.js';
import { VariantPinning } from '../../application/services/variant-pinning.js';
import { AliasMovesConsumer } from './alias-moves.consumer.js';

const v1 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000a1', versionNumber: 1 });
const v2 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000a2', versionNumber: 2 });

describe('AliasMovesConsumer', () => {
  it('re-pins the deployments of the project following the moved alias, in a group of its own', async () => {
    const ports = fakePredictionPorts();
    ports.versions.serves('churn@champion', v1);
    const deployment = await new CreateDeploymentHandler(
      ports.transaction,
      ports.deployments,
      new VariantPinning(ports.versions, ports.remoteUrls),
      ports.events,
    ).execute({
      projectId: PROJECT,
      name: 'churn',
      variants: [{ name: 'champion', model: 'churn@champion', runtime: 'onnx' }],
      actorId: ACTOR,
    });
    const consumer = new AliasMovesConsumer(
      new FollowAliasHandler(ports.transaction, ports.deployments, ports.versions, ports.events, ports.cache),
    );
    ports.versions.serves('churn@champion', v2);
    const moved: ModelRegistryEvents['model-registry.alias.moved.v1'] = {
      modelId: 'm-1',
      projectId: PROJECT,
      alias: 'champion',
      versionId: v2.versionId,
      versionNumber: 2,
      previousVersionId: v1.versionId,
      aliasVersion: 2,
    };

    await consumer.handle(envelopeOf('model-registry.alias.moved.v1', moved, '2026-12-07T00:00:00.000Z'));

    expect(consumer.consumer).toBe('prediction.deployments-follow-aliases');
    const repinned = await ports.deployments.find(deployment.id);
    expect(repinned?.variants[0].version).toEqual(v2);
    expect(repinned?.snapshot.updatedAt).toEqual(new Date('2026-12-07T00:00:00.000Z'));
    expect(ports.cache.purged).toEqual([v1.versionId]);

    // Delivered again: nothing to re-pin, and the version the alias left is purged all the same.
    await consumer.handle(envelopeOf('model-registry.alias.moved.v1', moved));
    expect(ports.cache.purged).toEqual([v1.versionId, v1.versionId]);
  });
});
