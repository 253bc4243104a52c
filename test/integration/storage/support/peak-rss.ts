/**
 * Samples the resident set while `work` runs and reports how far it rose above where it
 * started: what a streamed upload or download costs in memory.
 */
export async function peakRssGrowth<T>(
  work: () => Promise<T>,
  intervalMs = 10,
): Promise<{ result: T; growthBytes: number }> {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growthBytes: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}
