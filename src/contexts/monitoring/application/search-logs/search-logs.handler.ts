import { Injectable } from '@nestjs/common';
import { ValidationError } from '@libs/ddd';
import { levelsFrom, type LogSearchCriteria } from '@libs/platform/ports';
import { LogSources } from '../ports/log-sources.js';
import { compareLogRecords, decodeLogCursor, encodeLogCursor } from './log-cursor.js';
import type { LogPage, SearchLogsQuery } from './search-logs.query.js';

/**
 * One page of a project's run logs across every source this process hosts (docs/adr/0605): each
 * source answers its newest matching lines after the cursor, and the page is the newest of them all.
 */
@Injectable()
export class SearchLogsHandler {
  constructor(private readonly sources: LogSources) {}

  async execute(query: SearchLogsQuery): Promise<LogPage> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new ValidationError('from must not be after to', [{ field: 'from', message: 'is after to' }]);
    }
    const text = query.text?.trim();
    const criteria: LogSearchCriteria = {
      projectId: query.projectId,
      runId: query.runId,
      taskId: query.taskId,
      levels: query.level === undefined ? undefined : levelsFrom(query.level),
      text: text === undefined || text === '' ? undefined : text,
      from: query.from,
      to: query.to,
      after: query.cursor === undefined ? undefined : decodeLogCursor(query.cursor),
      limit: query.limit + 1,
    };
    const found = await Promise.all(this.sources.hosted().map((source) => source.search(criteria)));
    const merged = found.flat().sort(compareLogRecords);
    const items = merged.slice(0, query.limit);
    return { items, nextCursor: merged.length > query.limit ? encodeLogCursor(items[items.length - 1]) : null };
  }
}
