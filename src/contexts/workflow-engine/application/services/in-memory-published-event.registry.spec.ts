import { describe, expect, it } from '@jest/globals';
import { MODEL_REGISTRY_EVENT_TYPES } from '@contexts/model-registry';
import { WORKFLOW_ENGINE_EVENT_TYPES } from '../../contracts/events.js';
import { DefinitionValidator } from '../../domain/definition/definition-validator.js';
import { WorkflowDefinitionInvalid } from '../../domain/errors.js';
import { AjvJsonSchemaValidator } from '../../infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from '../../infrastructure/adapters/cron-parser-calendar.js';
import { InMemoryPublishedEventRegistry } from './in-memory-published-event.registry.js';
import { InMemoryTaskTypeRegistry } from './in-memory-task-type.registry.js';

function catalogue(): InMemoryPublishedEventRegistry {
  const registry = new InMemoryPublishedEventRegistry(new Map([['workflow-engine', WORKFLOW_ENGINE_EVENT_TYPES]]));
  registry.declare('model-registry', MODEL_REGISTRY_EVENT_TYPES);
  return registry;
}

describe('InMemoryPublishedEventRegistry', () => {
  it('knows every type a declared context publishes', () => {
    const known = catalogue();
    for (const type of [...MODEL_REGISTRY_EVENT_TYPES, ...WORKFLOW_ENGINE_EVENT_TYPES])
      expect(known.problem(type)).toBeUndefined();
  });

  it('names a typo of a declared context, suggesting the closest published types first', () => {
    const problem = catalogue().problem('model-registry.model-version.promoted.v1');
    expect(problem).toMatch(/^no context publishes model-registry\.model-version\.promoted\.v1; did you mean /);
    const suggested = /did you mean (.*)\?$/.exec(problem ?? '')?.[1].split(', ');
    expect(suggested).toHaveLength(3);
    expect(suggested).toContain('model-registry.model-version.approved.v1');
    expect(catalogue().problem('workflow-engine.workflow-run.succeded.v1')).toContain(
      'did you mean workflow-engine.workflow-run.succeeded.v1,',
    );
  });

  it('leaves the types of a context it was not told of unchecked (hosted by another process)', () => {
    expect(catalogue().problem('data-pipeline.dataset-version.created.v1')).toBeUndefined();
    expect(catalogue().problem('data-pipeline.dataset-version.anything.v9')).toBeUndefined();
  });

  it('refuses a declaration of types of another context', () => {
    expect(() => catalogue().declare('data-pipeline', ['model-registry.model.registered.v1'])).toThrow(
      'event type model-registry.model.registered.v1 does not belong to data-pipeline',
    );
  });

  it('makes the validator refuse a trigger on the typo, naming the field, and accept the published type', () => {
    const validator = new DefinitionValidator(
      new AjvJsonSchemaValidator(),
      new InMemoryTaskTypeRegistry(),
      new CronParserCalendar(),
      undefined,
      catalogue(),
    );
    const triggeredBy = (event: string) => ({
      name: 'deploy',
      tasks: [{ id: 'a', type: 'noop' }],
      triggers: [{ event }],
    });

    expect(validator.validate(triggeredBy('model-registry.model-version.approved.v1')).triggers).toHaveLength(1);
    let refused: unknown;
    try {
      validator.validate(triggeredBy('model-registry.model-version.promoted.v1'));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(WorkflowDefinitionInvalid);
    expect((refused as WorkflowDefinitionInvalid).errors).toEqual([
      { field: 'triggers[0].event', message: expect.stringContaining('model-registry.model-version.approved.v1') },
    ]);
  });
});
