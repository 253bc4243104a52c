import { Injectable } from '@nestjs/common';
import { ValidationError } from '@libs/ddd';
import { PredictionRecords, type PredictionRecord } from '../ports/prediction-records.js';
import type { ListPredictionsQuery } from './list-predictions.query.js';

export interface PredictionPage {
  readonly items: readonly PredictionRecord[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

/** A deployment's prediction records, newest first, by variant and time, a page at a time. */
@Injectable()
export class ListPredictionsHandler {
  constructor(private readonly records: PredictionRecords) {}

  async execute(query: ListPredictionsQuery): Promise<PredictionPage> {
    const items = await this.records.search({
      deploymentId: query.deploymentId,
      variant: query.variant,
      from: query.from,
      to: query.to,
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    const last = items.at(-1);
    return items.length === query.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
  }
}

// The cursor is the last record's (time, id): stable while new records arrive at the top.
function encodeCursor(record: PredictionRecord): string {
  return Buffer.from(`${record.createdAt.toISOString()}|${record.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw new ValidationError(
      'The cursor is invalid',
      [{ field: 'cursor', message: 'a nextCursor of a previous page' }],
      'invalid-cursor',
    );
  return { createdAt, id };
}
