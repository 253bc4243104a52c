import { Injectable } from '@nestjs/common';
import type { Principal } from '../../contracts/principal.js';
import { Unauthenticated } from '../../domain/errors.js';
import { SessionTermination } from '../revoke-sessions/session-termination.js';

/** Ends the session of the access token used; its refresh tokens stop working too. */
@Injectable()
export class LogOutHandler {
  constructor(private readonly termination: SessionTermination) {}

  async execute(principal: Principal, ip: string): Promise<void> {
    if (!principal.sessionId) throw new Unauthenticated('Only a session can log out');
    await this.termination.endOne(principal.userId, principal.sessionId, 'logout', { actorId: principal.userId, ip });
  }
}
