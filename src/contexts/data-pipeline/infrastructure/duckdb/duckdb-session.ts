import type { DuckDBConnection, DuckDBInstance, JS } from '@duckdb/node-api';
import type { DuckDbSettings } from './duckdb-settings.js';

/**
 * One suite run's private in-memory database. Private, so runs never see each other's tables and
 * closing it frees everything; its tables live in DuckDB's buffer pool (spilling to the temp
 * directory), never in the Node heap.
 */
export class DuckDbSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(settings: DuckDbSettings): Promise<DuckDbSession> {
    // Loaded on first use: the native binding costs memory and start-up, and holds a handle open that
    // keeps a process alive, in every process that never runs a check (most do not host data-pipeline).
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: settings.memoryLimit,
      temp_directory: settings.tempDirectory,
      threads: String(settings.threads),
    });
    try {
      return new DuckDbSession(instance, await instance.connect());
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** A small result (counts, keys up to the cap, bins) as rows of plain values. */
  async rows(sql: string, params?: string[]): Promise<JS[][]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowsJS();
  }

  /**
   * From here on no query may read or write a file, and no setting may change back: the tables are
   * loaded, and what runs next includes users' SQL expressions.
   */
  async sealFileAccess(): Promise<void> {
    await this.run('SET enable_external_access = false');
    await this.run('SET lock_configuration = true');
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
