import { LogSource, type LogRecord, type LogSearchCriteria } from '@libs/platform/ports';
import { LogSettings } from '../../../src/contexts/monitoring/application/ports/log-settings.js';
import { LogSources } from '../../../src/contexts/monitoring/application/ports/log-sources.js';

export interface StoredLogLine extends LogRecord {
  readonly projectId: string;
}

/**
 * A source over a list, answering as the SQL of the real ones does: filters, then newest first by
 * millisecond and seq, after the cursor's position, and the text as a case-insensitive word match.
 */
export class InMemoryLogSource extends LogSource {
  readonly lines: StoredLogLine[] = [];
  readonly asked: LogSearchCriteria[] = [];
  private seq = 0;

  constructor(readonly source: string) {
    super();
  }

  write(line: Omit<StoredLogLine, 'source' | 'seq'>): StoredLogLine {
    this.seq += 1;
    const stored = { ...line, source: this.source, seq: String(this.seq) };
    this.lines.push(stored);
    return stored;
  }

  search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    this.asked.push(criteria);
    const matching = this.lines
      .filter((line) => this.matches(line, criteria))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || Number(b.seq) - Number(a.seq))
      .slice(0, criteria.limit)
      .map(({ projectId: _projectId, ...record }) => record);
    return Promise.resolve(matching);
  }

  pruneBefore(cutoff: Date): Promise<number> {
    const before = this.lines.length;
    const kept = this.lines.filter((line) => line.at >= cutoff);
    this.lines.splice(0, this.lines.length, ...kept);
    return Promise.resolve(before - kept.length);
  }

  private matches(line: StoredLogLine, criteria: LogSearchCriteria): boolean {
    const words = criteria.text?.toLowerCase().split(/\s+/) ?? [];
    const lineWords = line.message.toLowerCase().split(/\W+/);
    return (
      line.projectId === criteria.projectId &&
      (criteria.runId === undefined || line.runId === criteria.runId) &&
      (criteria.taskId === undefined || line.taskId === criteria.taskId) &&
      (criteria.levels === undefined || criteria.levels.includes(line.level)) &&
      words.every((word) => lineWords.includes(word)) &&
      (criteria.from === undefined || line.at >= criteria.from) &&
      (criteria.to === undefined || line.at < criteria.to) &&
      (criteria.after === undefined || this.isAfter(line, criteria.after))
    );
  }

  private isAfter(line: StoredLogLine, after: NonNullable<LogSearchCriteria['after']>): boolean {
    const at = line.at.getTime();
    const cursorAt = after.at.getTime();
    if (this.source < after.source) return at < cursorAt;
    if (this.source > after.source) return at <= cursorAt;
    return at < cursorAt || (at === cursorAt && Number(line.seq) < Number(after.seq));
  }
}

export class FixedLogSources extends LogSources {
  constructor(private readonly sources: readonly LogSource[]) {
    super();
  }

  hosted(): readonly LogSource[] {
    return this.sources;
  }
}

export class FixedLogSettings extends LogSettings {
  constructor(
    readonly retentionDays = 30,
    readonly pruneIntervalMs = 3_600_000,
  ) {
    super();
  }
}
