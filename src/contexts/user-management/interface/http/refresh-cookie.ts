import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

const NAME = 'platform_refresh';
// Sent only to the browser-session routes, never with ordinary API calls.
const PATH = '/api/v1/auth/browser';

/**
 * A browser's refresh token lives in this cookie, out of reach of the page's scripts (HttpOnly), sent
 * by the browser only to same-site requests (SameSite=Strict: another site cannot spend it), so a
 * reload keeps the session without the token ever being in storage a script can read. A session
 * cookie: it ends with the browser, and the server ends it sooner on logout, idleness or age.
 */
export function keepRefreshCookie(request: FastifyRequest, reply: FastifyReply, refreshToken: string): void {
  reply.header('set-cookie', stringifySetCookie({ ...attributesFor(request), value: refreshToken }));
}

/** The same cookie, emptied and expired at once, so the browser forgets it. */
export function dropRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', stringifySetCookie({ ...attributesFor(request), value: '', maxAge: 0 }));
}

function attributesFor(request: FastifyRequest) {
  return {
    name: NAME,
    path: PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    // Over plain HTTP (a laptop, a test) a Secure cookie would never come back.
    secure: request.protocol === 'https',
  };
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header === undefined ? undefined : parseCookie(header)[NAME] || undefined;
}
