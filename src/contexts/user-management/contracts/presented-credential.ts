import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Two different credentials at once, or an Authorization header that is not a Bearer one. */
export const CONFLICTING = Symbol('conflicting credentials');

/**
 * The credential of a request: `Authorization: Bearer <access token or API key>` or
 * `X-API-Key: <key>`. Two different credentials at once are refused rather than guessed between.
 * Public, as the gateway reads it too, to count a request it forwards by its caller.
 */
export function presentedCredential(request: {
  readonly headers: IncomingHttpHeaders;
}): string | undefined | typeof CONFLICTING {
  const authorization = single(request.headers.authorization);
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const apiKey = single(request.headers['x-api-key'])?.trim() || undefined;
  if (authorization !== undefined && bearer === undefined) return CONFLICTING;
  if (bearer && apiKey && bearer !== apiKey) return CONFLICTING;
  return bearer ?? apiKey;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

/**
 * The SHA-256 (hex) of an API key's secret, as the key is stored: a name for the key that any
 * process can compute from the request alone (the gateway's rate limits count keys by it).
 */
export function apiKeyDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
