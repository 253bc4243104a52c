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

/**
 * Samples the live memory while `work` runs and reports how far it rose above where it started:
 * what a streamed upload or download holds at once. A full collection costs about 20 ms in a
 * Jest worker, hence samples a tenth of a second apart: a transfer that buffered its object would show in several.
 */
export async function peakLiveGrowth<T>(
  work: () => Promise<T>,
  intervalMs = 100,
): Promise<{ result: T; growthBytes: number }> {
  const baseline = liveBytes();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, liveBytes())), intervalMs);
  try {
    const result = await work();
    return { result, growthBytes: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}
