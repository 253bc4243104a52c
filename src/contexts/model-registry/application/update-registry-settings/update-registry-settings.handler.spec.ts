import { describe, expect, it } from '@jest/globals';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { PROJECT, REVIEWER } from '../../../../../test/support/model-registry/registry-objects.js';
import { UpdateRegistrySettingsHandler } from './update-registry-settings.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  return { ports, handler: new UpdateRegistrySettingsHandler(ports.settings) };
}

describe('UpdateRegistrySettingsHandler', () => {
  it('relaxes four eyes for one project only, recording who did it', async () => {
    const { ports, handler } = arrange();

    const saved = await handler.execute({ projectId: PROJECT, selfApprovalAllowed: true, actorId: REVIEWER });

    expect(saved).toMatchObject({ selfApprovalAllowed: true, updatedBy: REVIEWER });
    expect(await ports.settings.find(PROJECT)).toEqual(saved);
    expect((await ports.settings.find('project-2')).selfApprovalAllowed).toBe(false);
    expect(ports.settings.saved.size).toBe(1);
  });
});
