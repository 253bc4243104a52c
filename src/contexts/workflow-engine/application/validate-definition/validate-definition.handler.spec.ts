import { describe, expect, it } from '@jest/globals';
import { DefinitionUnreadable, WorkflowDefinitionInvalid } from '../../domain/errors.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ValidateDefinitionHandler } from './validate-definition.handler.js';

const handler = new ValidateDefinitionHandler(engineServices(fakeEnginePorts()).validation);

describe('ValidateDefinitionHandler', () => {
  it('accepts a YAML definition and answers its layers', () => {
    const yaml = [
      'name: etl',
      'tasks:',
      '  - { id: extract, type: noop }',
      '  - { id: load, type: noop, dependsOn: [extract] }',
    ];
    expect(handler.execute({ body: { yaml: yaml.join('\n') } })).toEqual({
      name: 'etl',
      layers: [['extract'], ['load']],
    });
  });

  it('answers every problem of an invalid JSON definition', () => {
    const query = {
      body: {
        json: { name: 'etl', tasks: [{ id: 'a', type: 'noop', dependsOn: ['a', 'z'] }] },
      },
    };
    expect(() => handler.execute(query)).toThrow(WorkflowDefinitionInvalid);
    try {
      handler.execute(query);
    } catch (error) {
      expect((error as WorkflowDefinitionInvalid).errors?.map((problem) => problem.field)).toEqual([
        'tasks[0].dependsOn[1]',
        'tasks[0].dependsOn[0]',
      ]);
    }
  });

  it('refuses YAML that does not parse', () => {
    expect(() => handler.execute({ body: { yaml: 'tasks: [' } })).toThrow(DefinitionUnreadable);
  });
});
