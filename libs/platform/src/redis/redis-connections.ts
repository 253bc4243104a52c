import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { PLATFORM_CONFIG } from '../config/config.tokens.js';
import type { PlatformConfig } from '../config/platform-config.js';

/**
 * Hands out ioredis connections: one shared for commands, and a dedicated one
 * per blocking reader (a blocked XREADGROUP would stall every other command).
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  readonly command: Redis;
  private readonly dedicated = new Set<Redis>();

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {
    this.command = this.open('command');
  }

  /** A connection of its own, closed with the others at shutdown. */
  dedicatedConnection(purpose: string, options: RedisOptions = {}): Redis {
    const connection = this.open(purpose, options);
    this.dedicated.add(connection);
    return connection;
  }

  /** Options for BullMQ, which wants no per-request retry limit on its connections. */
  bullmqOptions(): RedisOptions {
    return { ...parseRedisUrl(this.config.redisUrl), maxRetriesPerRequest: null };
  }

  release(connection: Redis): Promise<void> {
    this.dedicated.delete(connection);
    disconnectIfOpen(connection);
    return Promise.resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const connection of this.dedicated) disconnectIfOpen(connection);
    this.dedicated.clear();
    await this.command.quit().catch(() => this.command.disconnect());
  }

  private open(purpose: string, options: RedisOptions = {}): Redis {
    return new Redis(this.config.redisUrl, {
      connectionName: `mlops:${purpose}`,
      lazyConnect: false,
      ...options,
    });
  }
}

/**
 * Users may close their connection themselves (a stream consumer does, to end a blocked read).
 * Disconnecting it again would arm ioredis's 2 s timer for a socket that never closes again,
 * holding the process up for that long after shutdown.
 */
function disconnectIfOpen(connection: Redis): void {
  if (connection.status !== 'end') connection.disconnect();
}

function parseRedisUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number(parsed.pathname.slice(1) || 0),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}
