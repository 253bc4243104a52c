import { createHmac, timingSafeEqual } from 'node:crypto';

export const SERVICE_CALL_TIME_HEADER = 'x-service-call-time';
export const SERVICE_CALL_SIGNATURE_HEADER = 'x-service-call-signature';

/** What a signature covers: the whole request but its other headers. */
export interface ServiceCallRequest {
  readonly method: string;
  /** The path with its query, as sent. */
  readonly path: string;
  /** The body as sent: the sender's JSON text, the bytes the receiver read (docs/adr/0704). */
  readonly body: string | Uint8Array;
}

/**
 * HMAC-SHA256 over method, path, signing time and body with the installation's shared secret: a
 * call cannot be made without the secret, nor altered, nor replayed once `maxSkewMs` has passed.
 */
export function signServiceCall(secret: string, request: ServiceCallRequest, now = Date.now()): Record<string, string> {
  const time = String(now);
  return { [SERVICE_CALL_TIME_HEADER]: time, [SERVICE_CALL_SIGNATURE_HEADER]: digest(secret, request, time) };
}

/** Whether the headers carry a signature of this request made with `secret` within `maxSkewMs` of `now`. */
export function verifyServiceCall(
  secret: string,
  request: ServiceCallRequest,
  headers: { readonly time?: string; readonly signature?: string },
  maxSkewMs: number,
  now = Date.now(),
): boolean {
  const { time, signature } = headers;
  if (time === undefined || signature === undefined || !/^\d{1,16}$/.test(time)) return false;
  if (Math.abs(now - Number(time)) > maxSkewMs) return false;
  const expected = Buffer.from(digest(secret, request, time), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function digest(secret: string, request: ServiceCallRequest, time: string): string {
  return createHmac('sha256', secret)
    .update(`${request.method.toUpperCase()}\n${request.path}\n${time}\n`)
    .update(request.body)
    .digest('hex');
}
