import { describe, expect, it } from '@jest/globals';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { PROJECT, REVIEWER } from '../../../../../test/support/model-registry/registry-objects.js';
import { GetRegistrySettingsHandler } from './get-registry-settings.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  return { ports, handler: new GetRegistrySettingsHandler(ports.settings) };
}

describe('GetRegistrySettingsHandler', () => {
  it('keeps four eyes by default', async () => {
    const { handler } = arrange();

    expect((await handler.execute({ projectId: PROJECT })).selfApprovalAllowed).toBe(false);
  });

  it("answers the project's own settings, not another project's", async () => {
    const { ports, handler } = arrange();
    await ports.settings.save({
      projectId: PROJECT,
      selfApprovalAllowed: true,
      updatedBy: REVIEWER,
      updatedAt: new Date(),
    });

    expect((await handler.execute({ projectId: PROJECT })).selfApprovalAllowed).toBe(true);
    expect((await handler.execute({ projectId: 'project-2' })).selfApprovalAllowed).toBe(false);
  });
});
