import { setTimeout as wait } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { isJsonObject, type JsonValue } from '../../domain/json-value.js';
import { TaskExecutor } from './task-executor.js';

/** Waits `ms` milliseconds, then succeeds with how long it slept; a timeout or shutdown cuts it short. */
@Injectable()
export class SleepExecutor extends TaskExecutor {
  readonly type = 'sleep';

  async execute(input: JsonValue, signal: AbortSignal): Promise<JsonValue> {
    const ms = isJsonObject(input) && typeof input.ms === 'number' ? input.ms : 0;
    await wait(ms, undefined, { signal });
    return { sleptMs: ms };
  }
}
