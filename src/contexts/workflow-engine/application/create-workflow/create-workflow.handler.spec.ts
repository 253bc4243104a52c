import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '@libs/ddd';
import { AjvJsonSchemaValidator } from '../../infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from '../../infrastructure/adapters/cron-parser-calendar.js';
import { YamlLibraryDocumentReader } from '../../infrastructure/adapters/yaml-library-document.reader.js';
import { DefinitionValidation } from '../definition-validation.js';
import { InMemoryTaskTypeRegistry } from '../task-type-registry/in-memory-task-type.registry.js';
import { FixedClock } from '../testing/fixed-clock.js';
import { InMemoryWorkflowDefinitionRepository } from '../testing/in-memory-workflow-definition.repository.js';
import { CreateWorkflowCommand } from './create-workflow.command.js';
import { CreateWorkflowHandler } from './create-workflow.handler.js';

function arrange() {
  const definitions = new InMemoryWorkflowDefinitionRepository();
  const validation = new DefinitionValidation(
    new AjvJsonSchemaValidator(),
    new InMemoryTaskTypeRegistry(),
    new CronParserCalendar(),
    new YamlLibraryDocumentReader(),
  );
  return { definitions, handler: new CreateWorkflowHandler(validation, definitions, new FixedClock()) };
}

const document = { json: { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] } };

describe('CreateWorkflowHandler', () => {
  it('stores a valid definition as version 1', async () => {
    const { definitions, handler } = arrange();
    const created = await handler.execute(new CreateWorkflowCommand('project-1', document));
    expect(created.version).toBe(1);
    const stored = await definitions.findById(created.workflowId);
    expect(stored?.name).toBe('nightly');
    expect(stored?.projectId).toBe('project-1');
  });

  it('refuses a second workflow of the same name in a project, not in another one', async () => {
    const { handler } = arrange();
    await handler.execute(new CreateWorkflowCommand('project-1', document));
    await expect(handler.execute(new CreateWorkflowCommand('project-1', document))).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(handler.execute(new CreateWorkflowCommand('project-2', document))).resolves.toMatchObject({
      version: 1,
    });
  });
});
