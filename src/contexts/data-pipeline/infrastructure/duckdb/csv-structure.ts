import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { TableContentInvalid } from '../../domain/errors.js';

/**
 * Reads a CSV once as RFC 4180 (comma, double quotes), record by record, and refuses the first
 * structural fault with its line: an unterminated quote, a row with more or fewer fields than the
 * header. DuckDB's sniffer would rather guess another dialect for such a file than fail, and when it
 * does fail it names no line. Streamed: only one record is held at a time.
 */
export async function assertCsvStructure(path: string): Promise<void> {
  const discard = new Writable({ objectMode: true, write: (_record, _encoding, done) => done() });
  try {
    await pipeline(createReadStream(path), parse({ skip_empty_lines: true }), discard);
  } catch (error) {
    const { message, lines } = error as { message?: string; lines?: number };
    throw new TableContentInvalid(message ?? String(error), lines);
  }
}
