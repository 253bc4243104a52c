import { createHash } from 'node:crypto';

/**
 * The budget name of an API key: the SHA-256 of its secret, as user-management stores it. A
 * gateway computes it without a lookup; a key nobody issued gets a budget of its own, harmlessly,
 * as the instance serving the route refuses it with 401.
 */
export function apiKeySubject(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
