import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OpenApiContributions } from '@libs/platform';
import { TaskTypeRegistry } from '../../../contracts/task-types.js';
import { workflowDefinitionSchemas } from './workflow-definition-schemas.js';

/**
 * Puts the definition's schema, with a task schema per registered task type, into the OpenAPI
 * document. The registry is read when the document is built, after other contexts registered theirs.
 */
@Injectable()
export class WorkflowDefinitionContribution implements OnModuleInit {
  constructor(
    private readonly contributions: OpenApiContributions,
    private readonly taskTypes: TaskTypeRegistry,
  ) {}

  onModuleInit(): void {
    this.contributions.add((document) => {
      document.components ??= {};
      document.components.schemas = {
        ...document.components.schemas,
        ...workflowDefinitionSchemas(this.taskTypes.list()),
      };
    });
  }
}
