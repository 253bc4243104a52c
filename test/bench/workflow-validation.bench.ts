import { performance } from 'node:perf_hooks';
import { InMemoryTaskTypeRegistry } from '../../src/contexts/workflow-engine/application/services/in-memory-task-type.registry.js';
import { DefinitionValidator } from '../../src/contexts/workflow-engine/domain/definition/definition-validator.js';
import type { JsonValue } from '../../src/contexts/workflow-engine/domain/json-value.js';
import { AjvJsonSchemaValidator } from '../../src/contexts/workflow-engine/infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from '../../src/contexts/workflow-engine/infrastructure/adapters/cron-parser-calendar.js';
import { percentile, reportResult, round } from './bench-result.js';

/**
 * `npm run bench -- workflow-validation`: validation must grow linearly with a definition's size.
 * Ours is the time to validate 10,000 tasks, the peer the time for 1,000 in the same process, and
 * the ratio must stay at or under 15 (10x the tasks, with headroom for cache effects).
 */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const SMALL = 1_000;
const LARGE = 10_000;
const LIMIT = 15;

/** A realistic definition: each task depends on up to three recent ones, reads a parent's or grandparent's outputs, some have conditions, retries and caching. */
function definition(size: number): JsonValue {
  const tasks = Array.from({ length: size }, (_, index) => {
    const dependsOn = [1, 2, 7].map((offset) => index - offset).filter((dependency) => dependency >= 0);
    const task: Record<string, JsonValue> = {
      id: `task-${index}`,
      type: index % 3 === 0 ? 'http' : 'noop',
      dependsOn: dependsOn.map((d) => `task-${d}`),
    };
    const reads = index >= 3 ? `\${{ tasks.task-${index - 3}.outputs.uri }}` : '${{ params.source }}';
    task.params =
      task.type === 'http'
        ? {
            method: 'POST',
            url: 'https://api.example.com/train',
            body: { source: reads, epochs: '${{ params.epochs }}' },
          }
        : { outputs: { uri: reads } };
    if (index % 5 === 0) task.when = `params.epochs > ${index % 7} && contains(params.tags, 'nightly')`;
    if (index % 4 === 0)
      task.retries = { max: 3, backoff: 'exponential', delayMs: 500, maxDelayMs: 60_000, jitter: true };
    if (index % 6 === 0) task.cache = { ttlSeconds: 3600 };
    return task;
  });
  return {
    name: `bench-${size}`,
    params: {
      type: 'object',
      properties: { epochs: { type: 'integer', default: 3 }, source: { type: 'string' }, tags: { type: 'array' } },
    },
    tasks,
    schedule: { cron: '0 3 * * *', timezone: 'Europe/Paris', catchUp: 'latest' },
  };
}

function timeValidation(validator: DefinitionValidator, document: JsonValue): number[] {
  const samples: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const started = performance.now();
    validator.validate(document);
    samples.push(performance.now() - started);
  }
  return samples;
}

function main(): void {
  const validator = new DefinitionValidator(
    new AjvJsonSchemaValidator(),
    new InMemoryTaskTypeRegistry(),
    new CronParserCalendar(),
  );
  const small = definition(SMALL);
  const large = definition(LARGE);
  // Warm up the JIT and Ajv's compiled validators on both sizes before measuring either.
  timeValidation(validator, small);
  timeValidation(validator, large);
  const smallMs = percentile(timeValidation(validator, small), 50);
  const largeMs = percentile(timeValidation(validator, large), 50);
  const ratio = largeMs / smallMs;
  reportResult({
    name: 'workflow-validation',
    ours: round(largeMs),
    peer: round(smallMs),
    unit: 'ms (median)',
    ratio: round(ratio, 3),
    tasks: { ours: LARGE, peer: SMALL },
    samples: SAMPLES,
    limit: LIMIT,
    withinLimit: ratio <= LIMIT,
  });
  if (ratio > LIMIT) process.exitCode = 1;
}

main();
