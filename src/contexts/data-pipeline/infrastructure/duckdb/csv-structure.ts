import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { TableContentInvalid } from '../../domain/errors.js';

interface ParseFault {
  readonly code?: string;
  readonly message?: string;
  readonly lines?: number;
}

/**
 * Reads a CSV once as RFC 4180 (comma, double quotes), record by record, and refuses the first
 * structural fault with its line: an unterminated quote, a row with more or fewer fields than the
 * header. DuckDB's sniffer would rather guess another dialect for such a file than fail, and when it
 * does fail it names no line. Streamed: only one record is held at a time.
 */
export async function assertCsvStructure(path: string): Promise<void> {
  let linesRead = 0;
  const track = new Writable({
    objectMode: true,
    write: (record: { info: { lines: number } }, _encoding, done) => {
      linesRead = record.info.lines;
      done();
    },
  });
  try {
    await pipeline(createReadStream(path), parse({ skip_empty_lines: true, info: true }), track);
  } catch (error) {
    const fault = error as ParseFault;
    // An unclosed quote is found at the end of the file; the record it opened starts after the last one read.
    const line = fault.code === 'CSV_QUOTE_NOT_CLOSED' ? linesRead + 1 : fault.lines;
    const reason = fault.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : stripLine(fault);
    throw new TableContentInvalid(reason, line);
  }
}

function stripLine(fault: ParseFault): string {
  return (fault.message ?? 'the file is not CSV').replace(/ (on|at) line \d+/, '');
}
