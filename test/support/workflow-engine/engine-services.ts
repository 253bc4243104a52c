import { YamlLibraryDocumentReader } from '../../../src/contexts/workflow-engine/infrastructure/adapters/yaml-library-document.reader.js';
import { DefinitionValidation } from '../../../src/contexts/workflow-engine/application/services/definition-validation.js';
import { RunAdmission } from '../../../src/contexts/workflow-engine/application/services/run-admission.js';
import { RunChanges } from '../../../src/contexts/workflow-engine/application/services/run-changes.js';
import { RunControls } from '../../../src/contexts/workflow-engine/application/services/run-controls.js';
import { RunStarter } from '../../../src/contexts/workflow-engine/application/services/run-starter.js';
import { TaskAttempts } from '../../../src/contexts/workflow-engine/application/services/task-attempts.js';
import { InMemoryTaskTypeRegistry } from '../../../src/contexts/workflow-engine/application/services/in-memory-task-type.registry.js';
import { WorkflowActivation } from '../../../src/contexts/workflow-engine/application/services/workflow-activation.js';
import type { EngineFakes } from './fake-ports.js';

/** The engine's shared application services, built over the fakes, as the module builds them over the adapters. */
export function engineServices(ports: EngineFakes) {
  const { transaction, runs, definitions, queue, clock, schedules, triggers, calendar, schemas } = ports;
  const admission = new RunAdmission(transaction, runs, definitions, queue, clock);
  const changes = new RunChanges(transaction, runs, queue, clock, admission);
  return {
    admission,
    changes,
    controls: new RunControls(changes),
    attempts: new TaskAttempts(changes, ports.cache),
    starter: new RunStarter(definitions, runs, schemas, admission, clock),
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
