import { pooledRandomBytes } from '@libs/ddd';

// W3C Trace Context: version 00, a 16-byte trace id, an 8-byte parent (span) id, flags; all-zero ids are invalid.
const TRACEPARENT = /^00-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The caller's traceparent when it is well formed, else the start of a new sampled trace. */
export function traceparentOf(header: string | undefined): string {
  return header !== undefined && TRACEPARENT.test(header) ? header : `00-${hex(16)}-${hex(8)}-01`;
}

/** A child of `traceparent`: the same trace, a new span for the work about to start. */
export function childTraceparent(traceparent: string): string {
  const [, traceId] = TRACEPARENT.exec(traceparent) ?? [];
  return traceId === undefined ? traceparentOf(undefined) : `00-${traceId}-${hex(8)}-${traceparent.slice(-2)}`;
}

// From the shared pool rather than randomBytes, a CSPRNG call per id (docs/adr/0508).
const hex = (bytes: number): string => {
  const random = pooledRandomBytes(bytes);
  return Buffer.from(random.buffer, random.byteOffset, random.byteLength).toString('hex');
};
