import type { EventEnvelope } from '../envelope.js';

/** One stream entry as the consumer sees it. */
export interface StreamEntry {
  readonly entryId: string;
  readonly type: string;
  readonly envelopeJson: string;
  /** Set on a dead letter replayed for one consumer group only. */
  readonly target?: string;
}

export type RawEntry = [id: string, fields: string[]];

/** Redis answers a stream entry's fields as a flat [name, value, name, value, ...] list. */
export function fieldsOf(flat: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) values[flat[index]] = flat[index + 1];
  return values;
}

export function toStreamEntry([entryId, fields]: RawEntry): StreamEntry {
  const values = fieldsOf(fields);
  return { entryId, type: values.type ?? '', envelopeJson: values.envelope ?? '', target: values.target };
}

export function parseEnvelope(entry: StreamEntry): EventEnvelope {
  return JSON.parse(entry.envelopeJson) as EventEnvelope;
}
