import { Injectable } from '@nestjs/common';
import { RedisConnections } from '@libs/platform';
import { isLive, type ServiceInstance } from '../../domain/service-instance.js';

// One hash, one key: every command touches one slot, as a Redis Cluster wants.
const INSTANCES_KEY = 'gateway:instances';

/**
 * The service registry in Redis: each process writes its announcement under its instance id at
 * every heartbeat; readers keep those heard from within the time to live and delete the others, so
 * a process that died without withdrawing drops out after one TTL.
 */
@Injectable()
export class RedisServiceRegistry {
  constructor(private readonly redis: RedisConnections) {}

  async announce(instance: ServiceInstance): Promise<void> {
    await this.redis.command.hset(INSTANCES_KEY, instance.id, JSON.stringify(instance));
  }

  async withdraw(instanceId: string): Promise<void> {
    await this.redis.command.hdel(INSTANCES_KEY, instanceId);
  }

  async live(ttlMs: number, now = Date.now()): Promise<ServiceInstance[]> {
    const entries = Object.entries(await this.redis.command.hgetall(INSTANCES_KEY));
    const instances = entries.map(([id, json]) => parsed(id, json));
    const stale = instances.filter((instance) => !isLive(instance, now, ttlMs)).map((instance) => instance.id);
    // An instance announcing itself again between the read and this delete is back at its next heartbeat.
    if (stale.length > 0) await this.redis.command.hdel(INSTANCES_KEY, ...stale);
    return instances.filter((instance) => isLive(instance, now, ttlMs));
  }
}

// An entry that does not parse is treated as long dead, so the next read deletes it.
function parsed(id: string, json: string): ServiceInstance {
  try {
    return JSON.parse(json) as ServiceInstance;
  } catch {
    return { id, url: '', contexts: [], role: 'worker', version: '', startedAt: '', heartbeatAt: 0 };
  }
}
