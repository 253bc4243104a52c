import { Injectable } from '@nestjs/common';
import { SessionStore } from '../../domain/sessions/session.js';
import type { ListSessionsQuery, SessionView } from './list-sessions.query.js';

/** The caller's live sessions, newest first, marking the one making the request. */
@Injectable()
export class ListSessionsHandler {
  constructor(private readonly sessions: SessionStore) {}

  async execute(query: ListSessionsQuery): Promise<SessionView[]> {
    const sessions = await this.sessions.listOf(query.userId);
    return sessions
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((session) => ({ ...session, current: session.id === query.currentSessionId }));
  }
}
