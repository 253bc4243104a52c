import { describe, expect, it } from '@jest/globals';
import type { FieldProblem } from '@libs/ddd';
import { OutboundPolicy } from '@libs/outbound';
import { InMemoryTaskTypeRegistry } from '../../application/services/in-memory-task-type.registry.js';
import { AjvJsonSchemaValidator } from '../../infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from '../../infrastructure/adapters/cron-parser-calendar.js';
import { PolicyOutboundUrlCheck } from '../../infrastructure/adapters/policy-outbound-url.check.js';
import { WorkflowDefinitionInvalid } from '../errors.js';
import type { JsonValue } from '../json-value.js';
import { DefinitionValidator } from './definition-validator.js';

const validator = new DefinitionValidator(
  new AjvJsonSchemaValidator(),
  new InMemoryTaskTypeRegistry(),
  new CronParserCalendar(),
);

function problemsOf(document: JsonValue): FieldProblem[] {
  try {
    validator.validate(document);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowDefinitionInvalid);
    return [...(error as WorkflowDefinitionInvalid).errors!];
  }
  throw new Error('expected the definition to be rejected');
}

const training: JsonValue = {
  name: 'training',
  params: { type: 'object', properties: { epochs: { type: 'integer', default: 3 } } },
  tasks: [
    { id: 'fetch', type: 'http', params: { method: 'GET', url: 'https://data.example/x' } },
    { id: 'train', type: 'sleep', dependsOn: ['fetch'], params: { ms: '${{ params.epochs }}' } },
    {
      id: 'evaluate',
      type: 'noop',
      dependsOn: ['train'],
      when: '${{ params.epochs > 1 }}',
      params: { outputs: { uri: '${{ tasks.fetch.outputs.body }}' } },
      retries: { max: 2, backoff: 'exponential', delayMs: 100, jitter: true },
      cache: { ttlSeconds: 60 },
    },
  ],
  schedule: { cron: '0 3 * * *', timezone: 'Europe/Paris', catchUp: 'latest' },
  triggers: [{ event: 'data-pipeline.dataset-version.created.v1', filter: "trigger.payload.name == 'x'" }],
};

describe('DefinitionValidator', () => {
  it('accepts a well-formed definition and plans it in layers', () => {
    const spec = validator.validate(training);
    expect(spec.layers()).toEqual([['fetch'], ['train'], ['evaluate']]);
    expect(spec.task('evaluate').retries.maxRetries).toBe(2);
    expect(spec.schedule?.timezone).toBe('Europe/Paris');
  });

  it('refuses triggers on events that could never fire, naming the trigger', () => {
    const problems = problemsOf({
      name: 'badly-triggered',
      tasks: [{ id: 'a', type: 'noop' }],
      triggers: [
        { event: 'model-registry.model-version.approved.v1' },
        { event: 'user-management.user.registered.v1' },
        { event: 'model approved' },
      ],
    });
    expect(problems).toEqual([
      { field: 'triggers[1].event', message: expect.stringContaining('events of user-management do not trigger runs') },
      { field: 'triggers[2].event', message: expect.stringContaining('<context>.<aggregate>.<past-tense>.v<N>') },
    ]);
  });

  it('lists shape problems and DAG problems at once, pointing at each field', () => {
    const problems = problemsOf({
      name: 'broken',
      extra: true,
      tasks: [
        { id: 'a', type: 'noop', dependsOn: ['ghost'] },
        { id: 'a', type: 'teleport' },
        { id: 'b', retries: { max: -1, backoff: 'linear', delayMs: 1 } },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'is not allowed' },
        { field: 'tasks[2].type', message: 'is required' },
        { field: 'tasks[2].retries.max', message: 'must be >= 0' },
        { field: 'tasks[2].retries.backoff', message: 'must be one of fixed, exponential' },
        { field: 'tasks[1].id', message: "duplicate task id 'a' (first at tasks[0])" },
        { field: 'tasks[1].type', message: "unknown task type 'teleport'" },
        { field: 'tasks[0].dependsOn[0]', message: "task 'a' depends on unknown task 'ghost'" },
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('names the path of a cycle', () => {
    const problems = problemsOf({
      name: 'loop',
      tasks: [
        { id: 'a', type: 'noop', dependsOn: ['c'] },
        { id: 'b', type: 'noop', dependsOn: ['a'] },
        { id: 'c', type: 'noop', dependsOn: ['b'] },
        { id: 'self', type: 'noop', dependsOn: ['self'] },
      ],
    });
    expect(problems).toEqual([
      { field: 'tasks[1].dependsOn[0]', message: 'dependency cycle: a -> c -> b -> a' },
      { field: 'tasks[3].dependsOn[0]', message: 'dependency cycle: self -> self' },
    ]);
  });

  it('refuses references to tasks that are not upstream, and item outside a fan-out', () => {
    const problems = problemsOf({
      name: 'refs',
      tasks: [
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'noop', params: { outputs: { x: '${{ tasks.a.outputs.x }}' } } },
        {
          id: 'c',
          type: 'noop',
          dependsOn: ['b'],
          when: 'tasks.a.outputs.ok',
          cache: { key: '${{ item }}', ttlSeconds: 5 },
        },
        { id: 'd', type: 'noop', params: { outputs: { y: '${{ tasks.nope.outputs }}' } } },
      ],
    });
    expect(problems).toEqual([
      { field: 'tasks[1].params', message: "reads tasks.a, which is not upstream of 'b'; add it to dependsOn" },
      { field: 'tasks[2].when', message: "reads tasks.a, which is not upstream of 'c'; add it to dependsOn" },
      { field: 'tasks[2].cache.key', message: 'item is defined only in params and cache.key of a task with forEach' },
      { field: 'tasks[3].params', message: 'reads tasks.nope, which is not a task' },
    ]);
  });

  it('accepts a reference to a task upstream through others', () => {
    const spec = validator.validate({
      name: 'deep',
      tasks: [
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'noop', dependsOn: ['a'] },
        { id: 'c', type: 'noop', dependsOn: ['b'], when: 'tasks.a.outputs.ok' },
      ],
    });
    expect(spec.task('c').readsTasks).toEqual(new Set(['a']));
  });

  it('checks literal params against the task type and leaves placeholders to run time', () => {
    const problems = problemsOf({
      name: 'params',
      params: { type: 'object', properties: { n: { type: 'nonsense' } } },
      tasks: [
        { id: 'a', type: 'sleep', params: { ms: 'soon' } },
        { id: 'b', type: 'sleep', params: { ms: '${{ params.n }}' } },
        { id: 'c', type: 'http', params: { method: 'GET', url: '${{ 1 + }}' } },
      ],
      schedule: { cron: '61 * * * *', timezone: 'UTC' },
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'tasks[2].params.url',
      'tasks[0].params.ms',
      'params',
      'schedule.cron',
    ]);
  });

  it('refuses a bad time zone and a cron with missing fields', () => {
    const base = { name: 's', tasks: [{ id: 'a', type: 'noop' }] };
    expect(problemsOf({ ...base, schedule: { cron: '* * *' } })[0].field).toBe('schedule.cron');
    expect(problemsOf({ ...base, schedule: { cron: '0 1 * * *', timezone: 'Mars/Olympus' } })[0].message).toMatch(
      /time zone/,
    );
  });

  describe('with the outbound policy', () => {
    const rules = { allowedSchemes: ['https', 'http'], allowPrivateNetworks: false, allowedPrivateHosts: ['10.0.0.7'] };
    const guarded = new DefinitionValidator(
      new AjvJsonSchemaValidator(),
      new InMemoryTaskTypeRegistry(),
      new CronParserCalendar(),
      new PolicyOutboundUrlCheck(new OutboundPolicy(rules)),
    );
    const calling = (...urls: string[]): JsonValue => ({
      name: 'calls',
      params: { type: 'object', properties: { host: { type: 'string' } } },
      tasks: urls.map((url, index) => ({ id: `call-${index}`, type: 'http', params: { method: 'GET', url } })),
    });

    it('refuses literal addresses it would refuse at run time, naming the task and field', () => {
      const refused = (() => {
        try {
          guarded.validate(calling('https://example.org/', 'http://0x7f.1:8080/admin', 'http://[::ffff:0:7f00:1]/'));
        } catch (error) {
          return (error as WorkflowDefinitionInvalid).errors;
        }
      })();
      expect(refused).toEqual([
        { field: 'tasks[1].params.url', message: "task 'call-1': 127.0.0.1 is not a public address (loopback)" },
        { field: 'tasks[2].params.url', message: "task 'call-2': ::ffff:0:7f00:1 is not a public address (rfc6145)" },
      ]);
    });

    it('accepts names, allowed hosts and placeholders, which are checked when the task runs', () => {
      expect(() =>
        guarded.validate(calling('http://localhost:9000/', 'http://10.0.0.7/', 'http://${{ params.host }}/x')),
      ).not.toThrow();
    });
  });
});
