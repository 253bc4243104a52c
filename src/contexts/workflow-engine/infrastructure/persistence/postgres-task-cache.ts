import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TaskCache } from '../../application/ports/task-cache.js';
import type { JsonValue } from '../../domain/json-value.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

/**
 * Task outputs by cache key, per project, in PostgreSQL: a hit is read in the same transaction that
 * settles the task. Keys are canonical JSON of any length, so they are stored as their SHA-256.
 */
@Injectable()
export class PostgresTaskCache extends TaskCache {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async lookup(projectId: string, key: string): Promise<JsonValue | undefined> {
    const [row] = await this.transaction
      .manager()
      .query<{ outputs: JsonValue }[]>(
        'SELECT outputs FROM workflow_engine.task_cache WHERE project_id = $1 AND key_hash = $2 AND expires_at > now()',
        [projectId, digest(key)],
      );
    return row?.outputs;
  }

  async store(projectId: string, key: string, outputs: JsonValue, ttlSeconds: number): Promise<void> {
    await this.transaction.manager().query(
      `INSERT INTO workflow_engine.task_cache (project_id, key_hash, outputs, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (project_id, key_hash) DO UPDATE SET outputs = EXCLUDED.outputs, expires_at = EXCLUDED.expires_at`,
      [projectId, digest(key), JSON.stringify(outputs), ttlSeconds],
    );
  }
}

const digest = (key: string): Buffer => createHash('sha256').update(key).digest();
