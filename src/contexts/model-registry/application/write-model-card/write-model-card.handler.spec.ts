import { describe, expect, it } from '@jest/globals';
import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion, REVIEWER } from '../../../../../test/support/model-registry/registry-objects.js';
import { ModelCardFinal } from '../../domain/errors.js';
import { WriteModelCardHandler } from './write-model-card.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const version = aVersion(aModel());
  ports.versions.add(version);
  return { ports, version, handler: new WriteModelCardHandler(ports.transaction, ports.versions, ports.cards) };
}

describe('WriteModelCardHandler', () => {
  it('writes a draft section by section, keeping the sections it was not given', async () => {
    const { ports, version, handler } = arrange();
    await handler.execute({
      versionId: version.id,
      content: { intendedUse: 'churn' },
      finalize: false,
      actorId: REVIEWER,
    });

    await handler.execute({
      versionId: version.id,
      content: { limitations: 'EU only' },
      finalize: false,
      actorId: REVIEWER,
    });

    const card = await ports.cards.find(version.id);
    expect(card?.snapshot.content).toMatchObject({ intendedUse: 'churn', limitations: 'EU only' });
    expect(card?.isFinal).toBe(false);
  });

  it('refuses any change to a final card', async () => {
    const { ports, version, handler } = arrange();
    await handler.execute({
      versionId: version.id,
      content: { intendedUse: 'churn' },
      finalize: true,
      actorId: REVIEWER,
    });

    await expect(
      handler.execute({ versionId: version.id, content: { intendedUse: 'other' }, finalize: false, actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(ModelCardFinal);
    expect((await ports.cards.find(version.id))?.snapshot.content.intendedUse).toBe('churn');
  });

  it('writes only at the card version named by If-Match', async () => {
    const { version, handler } = arrange();

    await expect(
      handler.execute({ versionId: version.id, content: {}, finalize: false, expectedVersion: 3, actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('answers not found for the card of an unknown version', async () => {
    const { handler } = arrange();

    await expect(
      handler.execute({ versionId: 'missing', content: {}, finalize: false, actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
