import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { SessionTermination } from './session-termination.js';

/** Ends one of the caller's own sessions; someone else's is answered as not found. */
@Injectable()
export class RevokeSessionHandler {
  constructor(private readonly termination: SessionTermination) {}

  async execute(userId: string, sessionId: string, ip: string): Promise<void> {
    const existed = await this.termination.endOne(userId, sessionId, 'revoked', { actorId: userId, ip });
    if (!existed) throw new NotFoundError('Session', sessionId);
  }

  /** Logout everywhere: every session of the caller, the current one included. */
  async everywhere(userId: string, ip: string): Promise<number> {
    return this.termination.endAll(userId, 'logout-everywhere', { actorId: userId, ip });
  }
}
