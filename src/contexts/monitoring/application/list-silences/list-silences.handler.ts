import { Injectable } from '@nestjs/common';
import { SilenceRepository } from '../../domain/notifications/notifications.repository.js';
import type { Silence } from '../../domain/notifications/silence.js';
import { Clock } from '../ports/clock.js';
import type { ListSilencesQuery } from './list-silences.query.js';

/** The project's silences that have not ended: active ones and those still to begin. */
@Injectable()
export class ListSilencesHandler {
  constructor(
    private readonly silences: SilenceRepository,
    private readonly clock: Clock,
  ) {}

  execute(query: ListSilencesQuery): Promise<Silence[]> {
    return this.silences.current(query.projectId, this.clock.now());
  }
}
