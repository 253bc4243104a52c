import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DomainError } from '@libs/ddd';
import {
  SnapshotQueryRefused,
  SnapshotQueryTimedOut,
  SnapshotTooLarge,
  TableSourceUnavailable,
} from '../../domain/table-source/table-source-errors.js';
import { columnTypeOfPostgres, csvTextOf } from './postgres-column-types.js';
import { csvField, type ExportedTable, type SourceExport } from './source-export.js';
import type { TableSourceConnection } from './table-source-settings.js';

const FETCH_ROWS = 1000;
const CONNECT_TIMEOUT_MS = 10_000;
/** Every value as PostgreSQL's own text, so nothing is lost to a JavaScript number or Date. */
const RAW_TEXT = { getTypeParser: () => (text: string) => text };
/** SQLSTATE classes of a source that cannot serve now (connection, resources, shutdown, credentials): not the query's fault. */
const UNAVAILABLE_CLASSES = ['08', '53', '57P', '28', '3D'];
const QUERY_CANCELED = '57014';

type Column = ExportedTable['columns'][number];

/**
 * Runs a snapshot query on an external PostgreSQL: in a READ ONLY transaction with the statement
 * timeout set, the query declared as a cursor through the extended protocol (one statement, and a
 * cursor PostgreSQL refuses for anything but a read), its rows fetched in batches as text and
 * written to the CSV as they come, so no more than a batch is ever in memory.
 */
export class PostgresSnapshotExport implements SourceExport {
  private readonly logger = new Logger(PostgresSnapshotExport.name);

  constructor(
    private readonly connection: TableSourceConnection,
    private readonly statementTimeoutMs: number,
  ) {}

  async toCsv(query: string, path: string, maxBytes: number): Promise<ExportedTable> {
    const client = new pg.Client({
      connectionString: this.connection.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'mlops-platform table snapshot',
    });
    // A connection lost between queries is reported by the next query; without a listener it would crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      throw this.unavailable(error);
    }
    try {
      await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET LOCAL statement_timeout = ${this.statementTimeoutMs}`);
      await client.query("SET LOCAL TimeZone = 'UTC'");
      await client.query("SET LOCAL DateStyle = 'ISO, YMD'");
      await client.query(extended(`DECLARE snapshot NO SCROLL CURSOR FOR ${query}`));
      return await this.writeRows(client, path, maxBytes);
    } catch (error) {
      throw this.translated(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async writeRows(client: pg.Client, path: string, maxBytes: number): Promise<ExportedTable> {
    const out = createWriteStream(path);
    let columns: readonly Column[] | undefined;
    let rowCount = 0;
    let bytes = 0;
    try {
      for (;;) {
        const batch = await client.query<string[]>({
          text: `FETCH FORWARD ${FETCH_ROWS} FROM snapshot`,
          rowMode: 'array',
          types: RAW_TEXT,
        });
        let text = '';
        if (!columns) {
          columns = columnsOf(batch.fields);
          text += `${columns.map((column) => csvField(column.name)).join(',')}\n`;
        }
        const types = columns.map((column) => column.type);
        for (const row of batch.rows)
          text += `${row.map((value, index) => csvField(value === null ? null : csvTextOf(types[index], value))).join(',')}\n`;
        rowCount += batch.rows.length;
        bytes += Buffer.byteLength(text);
        if (bytes > maxBytes) throw new SnapshotTooLarge(maxBytes);
        await write(out, text);
        if (batch.rows.length < FETCH_ROWS) break;
      }
      out.end();
      await finished(out);
      return { columns: columns ?? [], rowCount, bytes };
    } finally {
      out.destroy();
    }
  }

  private translated(error: unknown): Error {
    if (error instanceof DomainError) return error;
    if (error instanceof pg.DatabaseError) {
      const code = error.code ?? '';
      if (code === QUERY_CANCELED) return new SnapshotQueryTimedOut(this.statementTimeoutMs);
      if (!UNAVAILABLE_CLASSES.some((unavailable) => code.startsWith(unavailable)))
        return new SnapshotQueryRefused(error.message);
    }
    // A local file that cannot be written is our trouble, not the source's: it stays an error of ours.
    if ((error as { path?: unknown }).path !== undefined) return error as Error;
    return this.unavailable(error);
  }

  /** Logged by code and source name only: a driver's message may quote the host, never the URL is wanted in logs. */
  private unavailable(error: unknown): TableSourceUnavailable {
    const code = (error as { code?: unknown }).code;
    this.logger.warn(`Table source ${this.connection.name} failed (${typeof code === 'string' ? code : 'no code'})`);
    return new TableSourceUnavailable(this.connection.name);
  }
}

function columnsOf(fields: readonly pg.FieldDef[]): Column[] {
  if (fields.length === 0) throw new SnapshotQueryRefused('returns no columns');
  const names = new Set<string>();
  return fields.map((field) => {
    if (names.has(field.name)) throw new SnapshotQueryRefused(`returns two columns named ${field.name}`);
    names.add(field.name);
    return { name: field.name, type: columnTypeOfPostgres(field.dataTypeID) };
  });
}

/** Sent through the extended protocol, which carries one statement per message: a second one is a syntax error. */
function extended(text: string): pg.QueryConfig {
  const config: pg.QueryConfig & { readonly queryMode: 'extended' } = { text, queryMode: 'extended' };
  return config;
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
