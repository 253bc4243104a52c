import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { SilenceRepository } from '../../domain/notifications/notifications.repository.js';
import { Clock } from '../ports/clock.js';
import type { ExpireSilenceCommand } from './expire-silence.command.js';

/** Ends a silence now, as Alertmanager expires one: it stays on record with its new end. */
@Injectable()
export class ExpireSilenceHandler {
  constructor(
    private readonly silences: SilenceRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ExpireSilenceCommand): Promise<void> {
    if (!(await this.silences.expire(command.projectId, command.silenceId, this.clock.now()))) {
      throw new NotFoundError('Silence', command.silenceId);
    }
  }
}
