import { Injectable } from '@nestjs/common';
import { SessionTermination } from '../services/session-termination.js';
import type { LogOutEverywhereCommand } from './log-out-everywhere.command.js';

/** Ends every session of the caller, the current one included; answers how many were live. */
@Injectable()
export class LogOutEverywhereHandler {
  constructor(private readonly termination: SessionTermination) {}

  execute({ userId, ip }: LogOutEverywhereCommand): Promise<number> {
    return this.termination.endAll(userId, 'logout-everywhere', { actorId: userId, ip });
  }
}
