import { Injectable } from '@nestjs/common';
import { SessionStore, type Session } from '../../domain/sessions/session.js';

export interface SessionView extends Session {
  readonly current: boolean;
}

/** The caller's live sessions, newest first, marking the one making the request. */
@Injectable()
export class ListSessionsHandler {
  constructor(private readonly sessions: SessionStore) {}

  async execute(userId: string, currentSessionId: string | undefined): Promise<SessionView[]> {
    const sessions = await this.sessions.listOf(userId);
    return sessions
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((session) => ({ ...session, current: session.id === currentSessionId }));
  }
}
