import { describe, expect, it } from '@jest/globals';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { PROJECT, REVIEWER } from '../../../../../test/support/model-registry/registry-objects.js';
import { UpdateRegistrySettingsHandler } from './update-registry-settings.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  return { ports, handler: new UpdateRegistrySettingsHandler(ports.settings) };
}

describe('UpdateRegistrySettingsHandler', () => {
  it('keeps four eyes by default', async () => {
    const { handler } = arrange();

    expect((await handler.read(PROJECT)).selfApprovalAllowed).toBe(false);
  });

  it('relaxes four eyes for one project only, recording who did it', async () => {
    const { ports, handler } = arrange();

    await handler.execute(PROJECT, true, REVIEWER);

    expect(await handler.read(PROJECT)).toMatchObject({ selfApprovalAllowed: true, updatedBy: REVIEWER });
    expect((await handler.read('project-2')).selfApprovalAllowed).toBe(false);
    expect(ports.settings.saved.size).toBe(1);
  });
});
