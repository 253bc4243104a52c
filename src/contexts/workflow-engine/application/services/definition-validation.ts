import { Injectable } from '@nestjs/common';
import { CronCalendar } from '../../domain/definition/cron-calendar.js';
import type { DefinitionSpec } from '../../domain/definition/definition-spec.js';
import { DefinitionValidator } from '../../domain/definition/definition-validator.js';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { OutboundUrlCheck } from '../../domain/definition/outbound-url.check.js';
import { PublishedEventCatalogue } from '../../domain/definition/published-event.catalogue.js';
import { TaskTypeCatalog } from '../../domain/definition/task-type.catalog.js';
import { readDefinitionBody, type DefinitionBody } from './definition-body.js';
import { YamlDocumentReader } from '../ports/yaml-document.reader.js';

/** Reads a definition body (JSON or YAML) and validates it: shared by the use cases that accept one. */
@Injectable()
export class DefinitionValidation {
  private readonly validator: DefinitionValidator;

  constructor(
    schemas: JsonSchemaValidator,
    taskTypes: TaskTypeCatalog,
    calendar: CronCalendar,
    private readonly yaml: YamlDocumentReader,
    outboundUrls?: OutboundUrlCheck,
    publishedEvents?: PublishedEventCatalogue,
  ) {
    this.validator = new DefinitionValidator(schemas, taskTypes, calendar, outboundUrls, publishedEvents);
  }

  /** Throws DefinitionUnreadable or WorkflowDefinitionInvalid (with every problem). */
  validate(body: DefinitionBody): DefinitionSpec {
    return this.validator.validate(readDefinitionBody(body, this.yaml));
  }
}
