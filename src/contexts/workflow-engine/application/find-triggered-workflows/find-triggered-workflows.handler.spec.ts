import { describe, expect, it } from '@jest/globals';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { FindTriggeredWorkflowsHandler } from './find-triggered-workflows.handler.js';

const APPROVED = 'model-registry.model-version.approved.v1';
const MOVED = 'model-registry.alias.moved.v1';

describe('FindTriggeredWorkflowsHandler', () => {
  it('answers, for each event in order, the workflows subscribed to its type since it occurred or earlier', async () => {
    const ports = fakeEnginePorts();
    const since = new Date('2026-01-01T00:00:00Z');
    await ports.triggers.keep('workflow-1', 'project-1', [APPROVED], since);
    await ports.triggers.keep('workflow-2', 'project-2', [APPROVED, MOVED], since);
    const handler = new FindTriggeredWorkflowsHandler(ports.triggers);
    const found = await handler.execute({
      events: [
        { type: MOVED, occurredAt: new Date('2026-01-02T00:00:00Z') },
        { type: APPROVED, occurredAt: new Date('2026-01-02T00:00:00Z') },
        { type: APPROVED, occurredAt: new Date('2025-12-31T00:00:00Z') },
        { type: 'unknown.event.v1', occurredAt: new Date('2026-01-02T00:00:00Z') },
      ],
    });
    expect(found).toEqual([
      [{ workflowId: 'workflow-2', projectId: 'project-2' }],
      [
        { workflowId: 'workflow-1', projectId: 'project-1' },
        { workflowId: 'workflow-2', projectId: 'project-2' },
      ],
      [],
      [],
    ]);
  });
});
