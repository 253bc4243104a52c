import { Injectable } from '@nestjs/common';
import { Clock } from '../ports/clock.js';
import { LogSettings } from '../ports/log-settings.js';
import { LogSources } from '../ports/log-sources.js';
import type { PrunedLogs, PruneLogsCommand } from './prune-logs.command.js';

const DAY_MS = 86_400_000;

/** Retention of run logs: every hosted source forgets the lines written before LOG_RETENTION_DAYS ago. */
@Injectable()
export class PruneLogsHandler {
  constructor(
    private readonly sources: LogSources,
    private readonly settings: LogSettings,
    private readonly clock: Clock,
  ) {}

  async execute(_command: PruneLogsCommand): Promise<PrunedLogs> {
    const cutoff = new Date(this.clock.now().getTime() - this.settings.retentionDays * DAY_MS);
    const pruned: Record<string, number> = {};
    for (const source of this.sources.hosted()) pruned[source.source] = await source.pruneBefore(cutoff);
    return pruned;
  }
}
