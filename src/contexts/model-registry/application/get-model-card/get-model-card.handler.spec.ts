import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion, REVIEWER } from '../../../../../test/support/model-registry/registry-objects.js';
import { ModelCard } from '../../domain/card/model-card.js';
import { GetModelCardHandler } from './get-model-card.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const version = aVersion(aModel());
  ports.versions.add(version);
  return { ports, version, handler: new GetModelCardHandler(ports.versions, ports.cards) };
}

describe('GetModelCardHandler', () => {
  it('reads an empty draft for a version that has no card yet', async () => {
    const { version, handler } = arrange();

    const card = await handler.execute({ versionId: version.id });

    expect(card.isFinal).toBe(false);
    expect(card.snapshot.content.intendedUse).toBe('');
  });

  it('reads the card written for the version', async () => {
    const { ports, version, handler } = arrange();
    const written = ModelCard.draft(version.id);
    written.write({ intendedUse: 'churn' }, REVIEWER, new Date());
    await ports.cards.save(written);

    expect((await handler.execute({ versionId: version.id })).snapshot.content.intendedUse).toBe('churn');
  });

  it('answers not found for the card of an unknown version', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
