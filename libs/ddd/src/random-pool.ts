// Bytes taken from one buffer refilled by the platform's CSPRNG (Web Crypto's global, as this
// library imports no Node built-in): one refill serves 256 ids. Asking the CSPRNG for 16 bytes per
// id cost about 2% of a cached inference request's CPU in the prediction bench (docs/adr/0508).
const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let taken = POOL_BYTES;

/** `length` (at most 4096) fresh random bytes; a view that stays valid until the next call refills the pool. */
export function pooledRandomBytes(length: number): Uint8Array {
  if (taken + length > POOL_BYTES) {
    crypto.getRandomValues(pool);
    taken = 0;
  }
  const bytes = pool.subarray(taken, taken + length);
  taken += length;
  return bytes;
}
