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

const MIN_SAMPLE_SPACING_MS = 100;
/** Between two samples, nine times as long as the last collection took: at most a tenth of the time goes to collecting. */
const PAUSE_PER_COLLECTING = 9;

/**
 * Samples the live memory while `work` runs and reports how far it rose above where it started:
 * what a streamed upload or download holds at once. A full collection costs 20 ms in a quiet Jest
 * worker and much more in a busy one with a large heap, so the samples space out as collections
 * slow down: sampling at a fixed pace would starve the transfer under load. A transfer that
 * buffered its object keeps that memory across several samples.
 */
export async function peakLiveGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthBytes: number }> {
  const baseline = liveBytes();
  let peak = baseline;
  let timer: NodeJS.Timeout | undefined;
  const sampleIn = (delayMs: number): void => {
    timer = setTimeout(() => {
      const started = performance.now();
      peak = Math.max(peak, liveBytes());
      const tookMs = performance.now() - started;
      sampleIn(Math.max(MIN_SAMPLE_SPACING_MS, tookMs * PAUSE_PER_COLLECTING));
    }, delayMs);
  };
  try {
    sampleIn(MIN_SAMPLE_SPACING_MS);
    const result = await work();
    return { result, growthBytes: peak - baseline };
  } finally {
    clearTimeout(timer);
  }
}
