import { describe, expect, it } from '@jest/globals';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aRemoteVariant, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { CheckModelReadyHandler } from './check-model-ready.handler.js';

const champion = aVariant('champion', 1);
const mirror = aVariant('mirror', 0, { shadow: true });

async function arrange() {
  const ports = fakePredictionPorts();
  await ports.deployments.add(
    Deployment.create({
      projectId: PROJECT,
      name: 'churn',
      routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
      variants: [champion, mirror],
      createdBy: ACTOR,
      at: new Date(),
    }),
  );
  return { ports, ready: new CheckModelReadyHandler(ports.served, ports.runtime, ports.remote) };
}

describe('CheckModelReadyHandler', () => {
  it('loads the variants that answer callers, and is ready once they load', async () => {
    const { ports, ready } = await arrange();

    expect(await ready.execute({ projectId: PROJECT, model: 'churn' })).toBe(true);
    expect(ports.runtime.loads).toEqual([champion.version.versionId]);
  });

  it('is not ready when a version does not load', async () => {
    const { ports, ready } = await arrange();
    ports.runtime.breaks(mirror.version.versionId);

    expect(await ready.execute({ projectId: PROJECT, model: 'churn', variant: 'mirror' })).toBe(false);
    expect(await ready.execute({ projectId: PROJECT, model: 'churn', variant: 'champion' })).toBe(true);
  });

  it('asks a remote variant’s breaker, never its server, and loads nothing for it', async () => {
    const ports = fakePredictionPorts();
    const remote = aRemoteVariant('remote', 1);
    await ports.deployments.add(
      Deployment.create({
        projectId: PROJECT,
        name: 'scoring',
        routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
        variants: [remote],
        createdBy: ACTOR,
        at: new Date(),
      }),
    );
    const ready = new CheckModelReadyHandler(ports.served, ports.runtime, ports.remote);

    expect(await ready.execute({ projectId: PROJECT, model: 'scoring' })).toBe(true);
    ports.remote.closes('remote');
    expect(await ready.execute({ projectId: PROJECT, model: 'scoring' })).toBe(false);
    expect(ports.runtime.loads).toEqual([]);
    expect(ports.remote.calls).toEqual([]);
  });
});
