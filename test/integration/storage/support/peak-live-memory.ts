import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Dead Buffers are freed only when V8 next collects garbage, and how many it lets pile up
// first depends on what ran before in the worker (a 200 MB upload's resident set rose by 35 MB
// alone and by 100 MB amid the suite). Collecting before each sample measures what is held.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The JavaScript heap and the Buffers it keeps alive, once the garbage is gone. */
function liveBytes(): number {
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** At most this share of the time goes to collecting: a slow collection spaces the samples out. */
const COLLECTING_SHARE = 0.1;

/**
 * Samples the live memory while `work` runs and reports how far it rose above where it started:
 * what a streamed upload or download holds at once. A full collection costs 20 ms in a quiet Jest
 * worker and much more in a busy one with a large heap, so the next sample waits at least nine
 * times as long as the last took: sampling at a fixed pace would starve the transfer under load.
 * A transfer that buffered its object keeps that memory across several samples.
 */
export async function peakLiveGrowth<T>(
  work: () => Promise<T>,
  intervalMs = 100,
): Promise<{ result: T; growthBytes: number }> {
  const baseline = liveBytes();
  let peak = baseline;
  let timer: NodeJS.Timeout | undefined;
  const sampleIn = (delayMs: number): void => {
    timer = setTimeout(() => {
      const started = performance.now();
      peak = Math.max(peak, liveBytes());
      sampleIn(Math.max(intervalMs, (performance.now() - started) * (1 / COLLECTING_SHARE - 1)));
    }, delayMs);
  };
  try {
    sampleIn(intervalMs);
    const result = await work();
    return { result, growthBytes: peak - baseline };
  } finally {
    clearTimeout(timer);
  }
}
