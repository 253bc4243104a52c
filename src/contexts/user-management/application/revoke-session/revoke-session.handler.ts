import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { SessionTermination } from '../services/session-termination.js';
import type { RevokeSessionCommand } from './revoke-session.command.js';

/** Ends one of the caller's own sessions; someone else's is answered as not found. */
@Injectable()
export class RevokeSessionHandler {
  constructor(private readonly termination: SessionTermination) {}

  async execute({ userId, sessionId, ip }: RevokeSessionCommand): Promise<void> {
    const existed = await this.termination.endOne(userId, sessionId, 'revoked', { actorId: userId, ip });
    if (!existed) throw new NotFoundError('Session', sessionId);
  }
}
