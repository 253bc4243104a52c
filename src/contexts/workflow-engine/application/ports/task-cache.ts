import type { JsonValue } from '../../domain/json-value.js';

/**
 * Port: task outputs by cache key, with a time to live. Keys are the domain's canonical text;
 * an adapter may hash them and should scope them by project.
 */
export abstract class TaskCache {
  abstract lookup(projectId: string, key: string): Promise<JsonValue | undefined>;
  abstract store(projectId: string, key: string, outputs: JsonValue, ttlSeconds: number): Promise<void>;
}
