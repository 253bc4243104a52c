import createClient from 'openapi-fetch';
import type { components, paths } from '../api/openapi';

type SessionTokens = components['schemas']['SessionTokensResponse'];

// The refresh goes out this long before the access token expires, so no request meets an expired one.
const REFRESH_MARGIN_SECONDS = 30;

// A request leaving this close to the access token's expiry refreshes it first.
const STALE_MARGIN_MS = 5000;

// Login, refresh and logout go through a client of their own: without the access-token middleware,
// a failed refresh cannot call itself again.
const authApi = createClient<paths>();

/**
 * The signed-in person's tokens, in memory only (never localStorage, which any script on the origin
 * reads): a reload signs out. The access token is refreshed through the API before it expires.
 */
class Session {
  private tokens: SessionTokens | undefined;
  private expiresAt = 0;
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

  isSignedIn(): boolean {
    return this.tokens !== undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Answers the problem's text when the API refuses the credentials. */
  async signIn(email: string, password: string): Promise<string | undefined> {
    const { data, error } = await authApi.POST('/api/v1/auth/login', { body: { email, password } });
    if (data === undefined) return error?.detail ?? error?.title ?? 'Sign-in failed.';
    this.hold(data);
    return undefined;
  }

  async signOut(): Promise<void> {
    const token = this.tokens?.accessToken;
    this.end();
    if (token !== undefined) {
      await authApi.POST('/api/v1/auth/logout', { headers: { authorization: `Bearer ${token}` } });
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

  /** One refresh at a time: the timer and the requests that found the token stale share it. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.exchangeRefreshToken().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async exchangeRefreshToken(): Promise<void> {
    const refreshToken = this.tokens?.refreshToken;
    if (refreshToken === undefined) return;
    const { data } = await authApi.POST('/api/v1/auth/refresh', { body: { refreshToken } });
    if (data === undefined) this.end();
    else this.hold(data);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session();
