import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

const UNIQUE_VIOLATION = '23505';

/**
 * The outside world a task changes. `POST /effects/<run key>/<task id>` inserts a row whose primary
 * key is (run key, task id) and answers 200; a repeated delivery of the same task is refused by
 * that key and still answers 200, since the effect it asks for exists. Task execution is at least
 * once (a worker may die after the effect and before its report), so this idempotent receiver is
 * what makes the effect happen exactly once.
 */
export class EffectServer {
  /** Every request received, duplicates included. */
  deliveries = 0;
  /** Deliveries whose insert the unique key refused. */
  duplicates = 0;

  private constructor(
    private readonly server: Server,
    private readonly pool: pg.Pool,
    readonly url: string,
  ) {}

  static async start(databaseUrl: string): Promise<EffectServer> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS test_effects;
      CREATE TABLE IF NOT EXISTS test_effects.effects (
        run_key text NOT NULL, task_id text NOT NULL, PRIMARY KEY (run_key, task_id))`);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const effects = new EffectServer(server, pool, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request, response) => {
      request.resume();
      effects.record(request.url ?? '').then(
        (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        (error: Error) => response.writeHead(500).end(error.message),
      );
    });
    return effects;
  }

  async rows(): Promise<{ run_key: string; task_id: string }[]> {
    return (await this.pool.query('SELECT run_key, task_id FROM test_effects.effects ORDER BY 1, 2')).rows;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
    await this.pool.end();
  }

  private async record(path: string): Promise<object> {
    const [, runKey, taskId] = /^\/effects\/([^/]+)\/([^/?]+)$/.exec(path) ?? [];
    if (runKey === undefined) throw new Error(`no effect at ${path}`);
    this.deliveries += 1;
    try {
      await this.pool.query('INSERT INTO test_effects.effects (run_key, task_id) VALUES ($1, $2)', [runKey, taskId]);
      return { runKey, taskId, duplicate: false };
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      this.duplicates += 1;
      return { runKey, taskId, duplicate: true };
    }
  }
}
