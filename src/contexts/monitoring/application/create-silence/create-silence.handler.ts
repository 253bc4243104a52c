import { Injectable } from '@nestjs/common';
import { SilenceRepository } from '../../domain/notifications/notifications.repository.js';
import { createSilence, type Silence } from '../../domain/notifications/silence.js';
import { Clock } from '../ports/clock.js';
import type { CreateSilenceCommand } from './create-silence.command.js';

/** Mutes the notifications of matching alerts in a window; their evaluation and history go on. */
@Injectable()
export class CreateSilenceHandler {
  constructor(
    private readonly silences: SilenceRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateSilenceCommand): Promise<Silence> {
    const { actorId, ...fields } = command;
    const silence = createSilence({ ...fields, createdBy: actorId, at: this.clock.now() });
    await this.silences.add(silence);
    return silence;
  }
}
