import { describe, expect, it } from '@jest/globals';
import { PlantedScheduledWorkflows } from '../../../../../test/support/workflow-engine/planted-scheduled-workflows.js';
import { ListScheduledWorkflowsHandler } from './list-scheduled-workflows.handler.js';

describe('ListScheduledWorkflowsHandler', () => {
  it("answers only the project's scheduled workflows", async () => {
    const nightly = { workflowId: 'w1', projectId: 'p1', name: 'nightly', cron: '0 2 * * *', timezone: 'UTC' };
    const reader = new PlantedScheduledWorkflows([nightly, { ...nightly, workflowId: 'w2', projectId: 'p2' }]);
    expect(await new ListScheduledWorkflowsHandler(reader).execute({ projectId: 'p1' })).toEqual([nightly]);
  });
});
