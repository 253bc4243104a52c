import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aPinnedVersion, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { DeploymentNameTaken, VersionNotDeployable } from '../../domain/errors.js';
import { VariantPinning } from '../services/variant-pinning.js';
import type { CreateDeploymentCommand } from './create-deployment.command.js';
import { CreateDeploymentHandler } from './create-deployment.handler.js';

const champion = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000c1', versionNumber: 3 });
const challenger = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000c2', versionNumber: 4 });

function arrange() {
  const ports = fakePredictionPorts();
  ports.versions.serves('churn@champion', champion).serves(challenger.versionId, challenger);
  const handler = new CreateDeploymentHandler(
    ports.transaction,
    ports.deployments,
    new VariantPinning(ports.versions, ports.remoteUrls),
    ports.events,
  );
  return { ports, handler };
}

const command = (overrides: Partial<CreateDeploymentCommand> = {}): CreateDeploymentCommand => ({
  projectId: PROJECT,
  name: 'churn',
  variants: [
    { name: 'champion', model: 'churn@champion', runtime: 'onnx', weight: 90 },
    { name: 'challenger', model: challenger.versionId, runtime: 'onnx', weight: 10 },
  ],
  actorId: ACTOR,
  ...overrides,
});

describe('CreateDeploymentHandler', () => {
  it('pins each variant to the version the registry names now, stores it and publishes its creation', async () => {
    const { ports, handler } = arrange();

    const deployment = await handler.execute(command({ routing: { mode: 'sticky' } }));

    expect(deployment.variants.map((variant) => [variant.name, variant.version.versionId, variant.weight])).toEqual([
      ['champion', champion.versionId, 90],
      ['challenger', challenger.versionId, 10],
    ]);
    expect(deployment.routing).toEqual({ mode: 'sticky', requestKeyHeader: 'x-request-key' });
    expect((await ports.deployments.findByName(PROJECT, 'churn'))?.id).toBe(deployment.id);
    expect(ports.events.published).toEqual([
      {
        type: 'prediction.deployment.created.v1',
        payload: expect.objectContaining({
          deploymentId: deployment.id,
          projectId: PROJECT,
          name: 'churn',
          routing: 'sticky',
          variants: [
            {
              name: 'champion',
              model: 'churn@champion',
              modelVersionId: champion.versionId,
              weight: 90,
              shadow: false,
            },
            {
              name: 'challenger',
              model: challenger.versionId,
              modelVersionId: challenger.versionId,
              weight: 10,
              shadow: false,
            },
          ],
        }),
        subject: { aggregateId: deployment.id, aggregateVersion: 1 },
      },
    ]);
  });

  it('refuses a version the registry will not serve, naming the variant, and stores nothing', async () => {
    const { ports, handler } = arrange();
    ports.versions.refuses('churn@draft', 'version 9 has no signature');

    const attempt = handler.execute(command({ variants: [{ name: 'draft', model: 'churn@draft', runtime: 'onnx' }] }));

    await expect(attempt).rejects.toThrow(VersionNotDeployable);
    await expect(attempt).rejects.toMatchObject({ errors: [{ field: 'variants.draft.model' }] });
    expect(ports.deployments.size).toBe(0);
    expect(ports.events.published).toEqual([]);
  });

  it('refuses a variant whose runtime cannot load the version’s framework', async () => {
    const { ports, handler } = arrange();
    ports.versions.serves('churn@sklearn', aPinnedVersion({ framework: 'sklearn' }));

    await expect(
      handler.execute(command({ variants: [{ name: 'old', model: 'churn@sklearn', runtime: 'onnx' }] })),
    ).rejects.toThrow(/serves onnx models only/);
  });

  it('checks the variants before asking the registry anything', async () => {
    const { ports, handler } = arrange();

    await expect(
      handler.execute(
        command({ variants: [{ name: 'mirror', model: 'churn@champion', runtime: 'onnx', shadow: true }] }),
      ),
    ).rejects.toThrow(ValidationError);
    expect(ports.versions.asked).toEqual([]);
  });

  it('refuses a second deployment of one name in a project', async () => {
    const { ports, handler } = arrange();
    await handler.execute(command());

    await expect(handler.execute(command())).rejects.toThrow(DeploymentNameTaken);
    expect(ports.events.published).toHaveLength(1);
  });

  it('pins a remote variant to a version of any framework, keeping its endpoint', async () => {
    const { ports, handler } = arrange();
    ports.versions.serves('churn@xgb', aPinnedVersion({ framework: 'xgboost' }));

    const deployment = await handler.execute(
      command({
        variants: [
          {
            name: 'triton',
            model: 'churn@xgb',
            runtime: 'v2-remote',
            endpoint: { url: 'https://t.example', modelName: 'm' },
          },
        ],
      }),
    );

    expect(deployment.variants[0].endpoint).toEqual({ kind: 'v2-remote', url: 'https://t.example', modelName: 'm' });
  });

  it('refuses a v2 server URL the outbound policy refuses, naming it, before asking the registry', async () => {
    const { ports, handler } = arrange();
    ports.remoteUrls.refuses('http://169.254.169.254', '169.254.169.254 is not a public address (linkLocal)');

    const attempt = handler.execute(
      command({
        variants: [
          {
            name: 'inward',
            model: 'churn@champion',
            runtime: 'v2-remote',
            endpoint: { url: 'http://169.254.169.254', modelName: 'm' },
          },
        ],
      }),
    );

    await expect(attempt).rejects.toMatchObject({ errors: [{ field: 'variants[0].endpoint.url' }] });
    expect(ports.versions.asked).toEqual([]);
  });
});
