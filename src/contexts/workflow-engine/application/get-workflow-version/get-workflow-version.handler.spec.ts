import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { DefinitionSpec } from '../../domain/definition/definition-spec.js';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { GetWorkflowVersionHandler } from './get-workflow-version.handler.js';

/** A workflow at version 2, whose version 1 ran task `a` and version 2 task `b`. */
async function arrange() {
  const ports = fakeEnginePorts();
  const definition = await aWorkflow(ports, { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] });
  const { spec } = DefinitionSpec.build({ name: 'nightly', tasks: [{ id: 'b', type: 'noop' }] });
  definition.update(spec, ports.clock.now(), 'someone');
  await ports.definitions.save(definition);
  return { handler: new GetWorkflowVersionHandler(ports.definitions), workflowId: definition.id };
}

describe('GetWorkflowVersionHandler', () => {
  it('answers an earlier version as it was written, and the latest one', async () => {
    const { handler, workflowId } = await arrange();
    const first = await handler.execute({ workflowId, version: 1 });
    expect(first.spec.tasks.map((task) => task.id)).toEqual(['a']);
    const second = await handler.execute({ workflowId, version: 2 });
    expect(second).toMatchObject({ number: 2, createdBy: 'someone' });
  });

  it('refuses a version that was never written and an unknown workflow as not found', async () => {
    const { handler, workflowId } = await arrange();
    await expect(handler.execute({ workflowId, version: 3 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.execute({ workflowId: 'no-such-workflow', version: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
