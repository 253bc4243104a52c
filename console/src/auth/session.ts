import createClient from 'openapi-fetch';
import type { components, paths } from '../api/openapi';
import { REFRESH_TRIES, refreshFailure, refreshRetryDelayMs } from './refresh-failure';

type SessionTokens = components['schemas']['BrowserSessionResponse'];

// The refresh goes out this long before the access token expires, so no request meets an expired one.
const REFRESH_MARGIN_SECONDS = 30;

// A request leaving this close to the access token's expiry refreshes it first.
const STALE_MARGIN_MS = 5000;

// Login, refresh and logout go through a client of their own: without the access-token middleware,
// a failed refresh cannot call itself again.
const authApi = createClient<paths>();

// Every tab of the console shares the one refresh cookie, and a refresh token spent twice ends the
// session: tabs take turns with this lock, so the second tab sends the cookie the first one renewed.
const REFRESH_LOCK = 'platform-console-refresh';

/**
 * The signed-in person's access token, in memory only (never localStorage, which any script on the
 * origin reads). The refresh token is an HttpOnly cookie the API sets (`/auth/browser/*`): no script
 * sees it, and a reload resumes the session with it. The access token is refreshed before it expires.
 */
class Session {
  private tokens: SessionTokens | undefined;
  private expiresAt = 0;
  private resuming = true;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();

  /**
   * The access token for a request, refreshed first when it has expired or is about to: the timer
   * that refreshes it runs late when the computer slept or the page's thread was long busy, and a
   * request with an expired token would be answered 401 and end the session.
   */
  async accessToken(): Promise<string | undefined> {
    if (this.tokens !== undefined && Date.now() >= this.expiresAt - STALE_MARGIN_MS) await this.refresh();
    return this.tokens?.accessToken;
  }

  /** 'resuming' while the API is asked whether this browser's cookie still holds a session. */
  status(): 'resuming' | 'signed-in' | 'signed-out' {
    if (this.tokens !== undefined) return 'signed-in';
    return this.resuming ? 'resuming' : 'signed-out';
  }

  /** On page load: a session this browser holds carries on, without the login form. */
  async resume(): Promise<void> {
    try {
      await this.refresh();
    } finally {
      this.resuming = false;
      this.notify();
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Answers the problem's text when the API refuses the credentials. */
  async signIn(email: string, password: string): Promise<string | undefined> {
    const { data, error } = await authApi.POST('/api/v1/auth/browser/login', { body: { email, password } });
    if (data === undefined) return error?.detail ?? error?.title ?? 'Sign-in failed.';
    this.hold(data);
    return undefined;
  }

  /** Waits for the API to end the session and drop the cookie: a tab closed at once must not keep it. */
  async signOut(): Promise<void> {
    const token = this.tokens?.accessToken;
    try {
      if (token !== undefined) {
        await authApi.POST('/api/v1/auth/browser/logout', { headers: { authorization: `Bearer ${token}` } });
      }
    } finally {
      this.end();
    }
  }

  end(): void {
    clearTimeout(this.refreshTimer);
    if (this.tokens === undefined) return;
    this.tokens = undefined;
    this.notify();
  }

  private hold(tokens: SessionTokens): void {
    this.tokens = tokens;
    this.expiresAt = Date.now() + tokens.expiresIn * 1000;
    clearTimeout(this.refreshTimer);
    const delaySeconds = Math.max(tokens.expiresIn - REFRESH_MARGIN_SECONDS, tokens.expiresIn / 2);
    this.refreshTimer = setTimeout(() => void this.refresh(), delaySeconds * 1000);
    this.notify();
  }

  /** One refresh at a time in this tab: the timer and the requests that found the token stale share it. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.exchangeRefreshCookie().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** The session ends when the API refuses the cookie; an API that could not answer is asked again, a few times. */
  private async exchangeRefreshCookie(): Promise<void> {
    for (let tries = 1; ; tries += 1) {
      const answer = await navigator.locks
        .request(REFRESH_LOCK, () => authApi.POST('/api/v1/auth/browser/refresh'))
        .catch(() => undefined);
      if (answer?.data !== undefined) return this.hold(answer.data);
      if (refreshFailure(answer?.response.status) === 'ended' || tries === REFRESH_TRIES) return this.end();
      const delay = refreshRetryDelayMs(tries, answer?.response.headers.get('retry-after'));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session();
