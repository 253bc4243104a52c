import { YamlLibraryDocumentReader } from '../../../src/contexts/workflow-engine/infrastructure/adapters/yaml-library-document.reader.js';
import { DefinitionValidation } from '../../../src/contexts/workflow-engine/application/services/definition-validation.js';
import { RunAdmission } from '../../../src/contexts/workflow-engine/application/services/run-admission.js';
import { RunChanges } from '../../../src/contexts/workflow-engine/application/services/run-changes.js';
import { InMemoryTaskTypeRegistry } from '../../../src/contexts/workflow-engine/application/services/in-memory-task-type.registry.js';
import { WorkflowActivation } from '../../../src/contexts/workflow-engine/application/services/workflow-activation.js';
import type { EngineFakes } from './fake-ports.js';

/** The engine's shared application services, built over the fakes, as the module builds them over the adapters. */
export function engineServices(ports: EngineFakes) {
  const { transaction, runs, definitions, queue, clock, schedules, triggers, calendar, schemas } = ports;
  const admission = new RunAdmission(transaction, runs, definitions, queue, clock);
  return {
    admission,
    changes: new RunChanges(transaction, runs, queue, clock, admission),
    activation: new WorkflowActivation(transaction, definitions, schedules, triggers, calendar),
    validation: new DefinitionValidation(
      schemas,
      new InMemoryTaskTypeRegistry(),
      calendar,
      new YamlLibraryDocumentReader(),
    ),
  };
}

export type EngineServices = ReturnType<typeof engineServices>;
