import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aPinnedVersion, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { CreateDeploymentHandler } from '../create-deployment/create-deployment.handler.js';
import { VariantPinning } from '../services/variant-pinning.js';
import { UpdateDeploymentHandler } from './update-deployment.handler.js';

const v1 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000d1', versionNumber: 1 });
const v2 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000d2', versionNumber: 2 });

async function arrange() {
  const ports = fakePredictionPorts();
  ports.versions.serves('churn@champion', v1).serves(v1.versionId, v1);
  const pinning = new VariantPinning(ports.versions, ports.remoteUrls);
  const created = await new CreateDeploymentHandler(
    ports.transaction,
    ports.deployments,
    pinning,
    ports.events,
  ).execute({
    projectId: PROJECT,
    name: 'churn',
    variants: [{ name: 'champion', model: 'churn@champion', runtime: 'onnx' }],
    actorId: ACTOR,
  });
  return {
    ports,
    created,
    update: new UpdateDeploymentHandler(ports.transaction, ports.deployments, pinning, ports.events),
  };
}

describe('UpdateDeploymentHandler', () => {
  it('resolves the aliases again, so the variants serve what they name now, and publishes the update', async () => {
    const { ports, created, update } = await arrange();
    ports.versions.serves('churn@champion', v2);

    const updated = await update.execute({
      deploymentId: created.id,
      routing: { mode: 'sticky', requestKeyHeader: 'X-User' },
      variants: [
        { name: 'champion', model: 'churn@champion', runtime: 'onnx', weight: 1 },
        { name: 'mirror', model: v1.versionId, runtime: 'onnx', shadow: true },
      ],
      actorId: ACTOR,
    });

    expect(updated.variants.map((variant) => variant.version.versionId)).toEqual([v2.versionId, v1.versionId]);
    expect(updated.version).toBe(2);
    expect(ports.events.published.map((event) => event.type)).toEqual([
      'prediction.deployment.created.v1',
      'prediction.deployment.updated.v1',
    ]);
    expect(ports.events.published[1]?.subject).toEqual({ aggregateId: created.id, aggregateVersion: 2 });
  });

  it('answers 404 for an unknown deployment', async () => {
    const { update } = await arrange();
    await expect(
      update.execute({ deploymentId: '0190a6a0-0000-7000-8000-0000000000ff', variants: [], actorId: ACTOR }),
    ).rejects.toThrow(NotFoundError);
  });
});
