import { setTimeout as sleep } from 'node:timers/promises';
import { LaunchError } from './launch-error.mjs';

/**
 * Polls `condition` until it holds. Gives up when `failure()` names a reason
 * (say, the process being waited for has exited) or the deadline passes.
 */
export async function waitUntil(condition, { what, timeoutMs, intervalMs = 100, failure = () => undefined }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    const reason = failure();
    if (reason) throw new LaunchError(`${what}: ${reason}`);
    if (Date.now() > deadline) throw new LaunchError(`${what}: no answer after ${timeoutMs / 1000} s`);
    await sleep(intervalMs);
  }
}
