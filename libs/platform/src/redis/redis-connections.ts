import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { PLATFORM_CONFIG } from '../config/config.tokens.js';
import type { PlatformConfig } from '../config/platform-config.js';

/**
 * Hands out ioredis connections: one shared for commands, and a dedicated one
 * per blocking reader (a blocked XREADGROUP would stall every other command).
 *
 * The shared one serves request paths, so it fails fast when Redis is down or
 * frozen (ADR 0008): each command gives up after REDIS_COMMAND_TIMEOUT_MS, and
 * commands queued while disconnected fail after one reconnection attempt
 * instead of waiting for Redis to come back. Blocking readers cannot carry a
 * per-command timeout (their reads block longer on purpose); they get a
 * client-side limit of their own block time plus that timeout instead.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  readonly command: Redis;
  private readonly dedicated = new Set<Redis>();

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {
    this.command = this.open('command', {
      commandTimeout: config.redisCommandTimeoutMs,
      maxRetriesPerRequest: 1,
    });
  }

  /**
   * Calls `listener` each time the shared connection is ready again after losing Redis. Redis may
   * have come back empty (ADR 0008): whoever keeps state there from the database restores it now.
   */
  onReconnected(listener: () => void): void {
    let connectedBefore = this.command.status === 'ready';
    this.command.on('ready', () => {
      if (connectedBefore) listener();
      connectedBefore = true;
    });
  }

  /**
   * A connection of its own, closed with the others at shutdown. A blocking command on it that
   * gets no answer within its own BLOCK time plus the command timeout fails (a frozen Redis).
   */
  dedicatedConnection(purpose: string, options: RedisOptions = {}): Redis {
    const connection = this.open(purpose, {
      blockingTimeout: this.config.redisCommandTimeoutMs,
      blockingTimeoutGrace: this.config.redisCommandTimeoutMs,
      ...options,
    });
    this.dedicated.add(connection);
    return connection;
  }

  /**
   * A connection of its own for a request path that sends one small command per request (the
   * prediction response cache): auto-pipelined, so the commands of one event-loop turn leave in
   * one socket write (docs/adr/0508), with the shared connection's fail-fast limits. Kept apart
   * from the shared one because a pipeline answers its commands together, when its last is done.
   */
  pipelinedConnection(purpose: string): Redis {
    const connection = this.open(purpose, {
      commandTimeout: this.config.redisCommandTimeoutMs,
      maxRetriesPerRequest: 1,
      enableAutoPipelining: true,
    });
    this.dedicated.add(connection);
    return connection;
  }

  /**
   * Options for BullMQ, which wants no per-request retry limit on its connections: its workers
   * block and retry by design. Request paths must not wait on these (ADR 0008).
   */
  bullmqOptions(): RedisOptions {
    return { ...parseRedisUrl(this.config.redisUrl), maxRetriesPerRequest: null, retryStrategy: reconnectDelay };
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
      disconnectTimeout: DISCONNECT_TIMEOUT_MS,
      ...options,
    });
  }
}

/**
 * How long a closed connection's socket may take to close before ioredis destroys it (its default is
 * 2 s). ioredis also waits so for a connection that lost Redis and waits to reconnect, whose socket
 * closed already and never closes again (ioredis issue 1247): closed at shutdown while Redis was down,
 * it held the process up for the whole wait. Redis closes its end at once; one that does not is
 * frozen, and its socket is dropped anyway.
 */
const DISCONNECT_TIMEOUT_MS = 100;

/**
 * BullMQ's own default backs off up to 20 s between reconnections, so its workers would idle that
 * long after a Redis outage ended; ioredis's default (at most 2 s) is kept for every connection.
 */
function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 50, 2000);
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
