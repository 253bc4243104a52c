import { Injectable } from '@nestjs/common';
import { isJsonObject, type JsonValue } from '../../domain/json-value.js';
import { TaskExecutor } from './task-executor.js';

/** Succeeds at once with `outputs` as its outputs: wiring checks, fan-in points, benchmarks. */
@Injectable()
export class NoopExecutor extends TaskExecutor {
  readonly type = 'noop';

  execute(input: JsonValue): Promise<JsonValue> {
    return Promise.resolve(isJsonObject(input) && isJsonObject(input.outputs) ? input.outputs : {});
  }
}
