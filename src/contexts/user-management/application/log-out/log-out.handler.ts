import { Injectable } from '@nestjs/common';
import { Unauthenticated } from '../../domain/errors.js';
import { SessionTermination } from '../services/session-termination.js';
import type { LogOutCommand } from './log-out.command.js';

/** Ends the session of the access token used; its refresh tokens stop working too. */
@Injectable()
export class LogOutHandler {
  constructor(private readonly termination: SessionTermination) {}

  async execute({ userId, sessionId, ip }: LogOutCommand): Promise<void> {
    if (!sessionId) throw new Unauthenticated('Only a session can log out');
    await this.termination.endOne(userId, sessionId, 'logout', { actorId: userId, ip });
  }
}
