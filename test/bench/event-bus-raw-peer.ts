import { Redis } from 'ioredis';
import { nowMs, PADDING, type BusChannel, type BusSide } from './event-bus-load.js';

type ReadReply = [stream: string, entries: [id: string, fields: string[]][]][] | null;

/**
 * The raw peer of `npm run bench -- event-bus`, kept for scale: what the same Redis does with a
 * bare, pipelined XADD / XREADGROUP / XACK loop. It is not durable: an event exists only in Redis
 * (no outbox: it is lost with a failed publisher transaction or with Redis's data), and nothing
 * stops it being handled twice (no inbox).
 */
export class RawLoop implements BusSide {
  private readonly envelope = JSON.stringify({ sentAtMs: 0, padding: PADDING });

  constructor(
    private readonly redis: Redis,
    private readonly redisUrl: string,
  ) {}

  async open(stream: string, onEvent: (sentAtMs: number) => void): Promise<BusChannel> {
    const stop = await this.consume(stream, onEvent);
    return {
      publishBatch: async (size) => {
        const pipeline = this.redis.pipeline();
        for (let index = 0; index < size; index += 1)
          pipeline.xadd(stream, '*', 'sentAtMs', String(nowMs()), 'envelope', this.envelope);
        await pipeline.exec();
      },
      publishOne: async () => {
        await this.redis.xadd(stream, '*', 'sentAtMs', String(nowMs()), 'envelope', this.envelope);
      },
      stop,
    };
  }

  private async consume(stream: string, onEvent: (sentAtMs: number) => void): Promise<() => Promise<void>> {
    const reader = new Redis(this.redisUrl);
    await this.redis.xgroup('CREATE', stream, 'raw', '0', 'MKSTREAM');
    let running = true;
    const loop = (async () => {
      while (running) {
        const reply = (await reader
          .xreadgroup('GROUP', 'raw', 'bench', 'COUNT', 500, 'BLOCK', 200, 'STREAMS', stream, '>')
          .catch(() => null)) as ReadReply;
        const entries = reply?.[0]?.[1] ?? [];
        if (entries.length === 0) continue;
        for (const [, fields] of entries) onEvent(Number(fields[1]));
        await this.redis.xack(stream, 'raw', ...entries.map(([id]) => id));
      }
    })();
    return async () => {
      running = false;
      await loop;
      reader.disconnect();
    };
  }
}
