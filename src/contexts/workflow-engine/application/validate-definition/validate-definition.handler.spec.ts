import { describe, expect, it } from '@jest/globals';
import { DefinitionUnreadable, WorkflowDefinitionInvalid } from '../../domain/errors.js';
import { AjvJsonSchemaValidator } from '../../infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from '../../infrastructure/adapters/cron-parser-calendar.js';
import { YamlLibraryDocumentReader } from '../../infrastructure/adapters/yaml-library-document.reader.js';
import { DefinitionValidation } from '../services/definition-validation.js';
import { InMemoryTaskTypeRegistry } from '../services/in-memory-task-type.registry.js';
import { ValidateDefinitionHandler } from './validate-definition.handler.js';

const handler = new ValidateDefinitionHandler(
  new DefinitionValidation(
    new AjvJsonSchemaValidator(),
    new InMemoryTaskTypeRegistry(),
    new CronParserCalendar(),
    new YamlLibraryDocumentReader(),
  ),
);

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
