import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { DefinitionSpec } from '../../domain/definition/definition-spec.js';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { GetWorkflowHandler } from './get-workflow.handler.js';

describe('GetWorkflowHandler', () => {
  it('answers a workflow with its latest version', async () => {
    const ports = fakeEnginePorts();
    const definition = await aWorkflow(ports, { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] });
    const { spec } = DefinitionSpec.build({ name: 'nightly', tasks: [{ id: 'b', type: 'noop' }] });
    definition.update(spec, ports.clock.now(), 'someone');
    await ports.definitions.save(definition);
    const workflow = await new GetWorkflowHandler(ports.definitions).execute({ workflowId: definition.id });
    expect(workflow.projectId).toBe('project-1');
    expect(workflow.latest.number).toBe(2);
    expect(workflow.latest.spec.tasks.map((task) => task.id)).toEqual(['b']);
  });

  it('refuses an unknown workflow as not found', async () => {
    const handler = new GetWorkflowHandler(fakeEnginePorts().definitions);
    await expect(handler.execute({ workflowId: 'no-such-workflow' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
