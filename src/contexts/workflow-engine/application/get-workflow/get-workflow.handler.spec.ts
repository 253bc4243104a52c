import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { DefinitionSpec } from '../../domain/definition/definition-spec.js';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { GetWorkflowHandler } from './get-workflow.handler.js';

async function arrange() {
  const ports = fakeEnginePorts();
  const definition = await aWorkflow(ports, { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] });
  const { spec } = DefinitionSpec.build({ name: 'nightly', tasks: [{ id: 'b', type: 'noop' }] });
  definition.update(spec, ports.clock.now(), 'someone');
  await ports.definitions.save(definition);
  return { handler: new GetWorkflowHandler(ports.definitions), workflowId: definition.id };
}

describe('GetWorkflowHandler', () => {
  it('answers a workflow with its latest version', async () => {
    const { handler, workflowId } = await arrange();
    const workflow = await handler.workflow(workflowId);
    expect(workflow.latest.number).toBe(2);
    expect(workflow.latest.spec.tasks.map((task) => task.id)).toEqual(['b']);
  });

  it('answers an earlier version as it was written', async () => {
    const { handler, workflowId } = await arrange();
    const first = await handler.version(workflowId, 1);
    expect(first.spec.tasks.map((task) => task.id)).toEqual(['a']);
  });

  it('refuses an unknown workflow and an unknown version as not found', async () => {
    const { handler, workflowId } = await arrange();
    await expect(handler.workflow('no-such-workflow')).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.version(workflowId, 3)).rejects.toBeInstanceOf(NotFoundError);
  });
});
