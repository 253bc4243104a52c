/**
 * A fake port answers in a promise as the real one does: with what the work returns, or rejected
 * with what it throws (the executor turns a throw into a rejection, so none escapes before the
 * caller has a promise to await).
 */
export function settled<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
