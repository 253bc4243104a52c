import type { Session } from '../../domain/sessions/session.js';

export interface ListSessionsQuery {
  readonly userId: string;
  /** The session making the request, marked as current; none for an API key. */
  readonly currentSessionId: string | undefined;
}

export interface SessionView extends Session {
  readonly current: boolean;
}
