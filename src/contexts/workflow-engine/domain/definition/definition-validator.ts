import type { FieldProblem } from '@libs/ddd';
import { WorkflowDefinitionInvalid } from '../errors.js';
import { formatField, startsWithPath } from '../field-path.js';
import { isJsonObject, type JsonValue } from '../json-value.js';
import type { CronCalendar } from './cron-calendar.js';
import { DEFINITION_DOCUMENT_SCHEMA, type DefinitionDocument } from './definition-document.js';
import { DefinitionSpec } from './definition-spec.js';
import { graphProblems } from './graph-checks.js';
import type { JsonSchemaValidator } from './json-schema.validator.js';
import type { OutboundUrlCheck } from './outbound-url.check.js';
import type { PublishedEventCatalogue } from './published-event.catalogue.js';
import { referenceProblems } from './reference-checks.js';
import type { TaskTypeCatalog } from './task-type.catalog.js';
import { triggerEventProblem } from './trigger-sources.js';

/**
 * Turns a document into a DefinitionSpec or throws WorkflowDefinitionInvalid listing every problem:
 * its shape, the DAG rules, expressions, references, task params, the params schema, the cron and
 * the trigger event types.
 */
export class DefinitionValidator {
  constructor(
    private readonly schemas: JsonSchemaValidator,
    private readonly taskTypes: TaskTypeCatalog,
    private readonly calendar: CronCalendar,
    /** Without one, outbound URLs are left to the executors' run-time check. */
    private readonly outboundUrls?: OutboundUrlCheck,
    /** Without one, trigger event types are checked for their shape and source context only. */
    private readonly publishedEvents?: PublishedEventCatalogue,
  ) {}

  validate(raw: JsonValue): DefinitionSpec {
    const shape = this.schemas
      .validate(DEFINITION_DOCUMENT_SCHEMA, raw)
      .problems.map((problem): FieldProblem => ({ field: formatField(problem.path), message: problem.message }));
    const graph = graphProblems(raw, this.taskTypes);
    // Past this point the document is read through its type, which holds only once its shape is right.
    if (shape.length > 0) throw new WorkflowDefinitionInvalid([...shape, ...graph.problems]);
    const { spec, problems } = DefinitionSpec.build(raw as unknown as DefinitionDocument);
    const all = [
      ...graph.problems,
      ...problems,
      ...referenceProblems(spec, graph.acyclic),
      ...this.taskParamsProblems(spec),
      ...this.outboundUrlProblems(spec),
      ...this.queueProblems(spec),
      ...this.paramsSchemaProblems(spec),
      ...this.scheduleProblems(spec),
      ...this.triggerTypeProblems(spec),
    ];
    if (all.length > 0) throw new WorkflowDefinitionInvalid(all);
    return spec;
  }

  /**
   * Params are checked against their task type's schema where they are literal; a field holding a
   * placeholder has no type until the run renders it, so problems at or under it are left out.
   */
  private taskParamsProblems(spec: DefinitionSpec): FieldProblem[] {
    return spec.tasks.flatMap((task, index) => {
      const type = this.taskTypes.find(task.type);
      if (type === undefined) return [];
      const templated = task.params.placeholderPaths;
      return this.schemas
        .validate(type.paramsSchema, task.params.raw)
        .problems.filter((problem) => !templated.some((path) => startsWithPath(problem.path, path)))
        .map((problem) => ({
          field: formatField(['tasks', index, 'params', ...problem.path]),
          message: problem.message,
        }));
    });
  }

  /** Literal URLs the outbound policy refuses already (docs/adr/0010); placeholders wait for the run. */
  private outboundUrlProblems(spec: DefinitionSpec): FieldProblem[] {
    const check = this.outboundUrls;
    if (check === undefined) return [];
    return spec.tasks.flatMap((task, index) => {
      const raw = task.params.raw;
      const templated = task.params.placeholderPaths;
      return (this.taskTypes.find(task.type)?.outboundUrlParams ?? []).flatMap((param) => {
        const url = isJsonObject(raw) ? raw[param] : undefined;
        if (typeof url !== 'string' || templated.some((path) => path[0] === param)) return [];
        const problem = check.problem(url);
        if (problem === undefined) return [];
        return [{ field: `tasks[${index}].params.${param}`, message: `task '${task.id}': ${problem}` }];
      });
    });
  }

  private queueProblems(spec: DefinitionSpec): FieldProblem[] {
    return spec.tasks.flatMap((task, index) => {
      const queue = task.document.queue;
      const problem = queue === undefined ? undefined : this.taskTypes.queueProblem(task.type, queue);
      return problem === undefined ? [] : [{ field: `tasks[${index}].queue`, message: problem }];
    });
  }

  private paramsSchemaProblems(spec: DefinitionSpec): FieldProblem[] {
    const schema = spec.paramsSchema;
    if (schema === undefined) return [];
    return this.schemas.schemaProblems(schema).map((message) => ({ field: 'params', message }));
  }

  private scheduleProblems(spec: DefinitionSpec): FieldProblem[] {
    const schedule = spec.schedule;
    const problem = schedule && this.calendar.problem(schedule.cron, schedule.timezone);
    return problem === undefined ? [] : [{ field: 'schedule.cron', message: problem }];
  }

  /** A well-formed type of a source context that publishes no such event (a typo) could never fire. */
  private triggerTypeProblems(spec: DefinitionSpec): FieldProblem[] {
    const catalogue = this.publishedEvents;
    if (catalogue === undefined) return [];
    return spec.triggers.flatMap(({ event }, index) => {
      const problem = triggerEventProblem(event) === undefined ? catalogue.problem(event) : undefined;
      return problem === undefined ? [] : [{ field: `triggers[${index}].event`, message: problem }];
    });
  }
}
