import type { Redis } from 'ioredis';

export interface ConsumerGroupInfo {
  readonly name: string;
  readonly lastDeliveredId: string;
  /** Delivered and not yet acknowledged. */
  readonly pending: number;
  /** Not yet delivered; Redis answers null when it cannot tell (after deletions). */
  readonly lag: number | null;
}

/** The consumer groups of a stream (none when the stream does not exist). */
export async function consumerGroupsOf(redis: Redis, stream: string): Promise<ConsumerGroupInfo[]> {
  const replies = (await redis.xinfo('GROUPS', stream).catch(noSuchKeyAsNone)) as unknown[][];
  return replies.map((flat) => {
    const info: Record<string, unknown> = {};
    for (let index = 0; index + 1 < flat.length; index += 2) info[String(flat[index])] = flat[index + 1];
    return {
      name: String(info.name),
      lastDeliveredId: String(info['last-delivered-id']),
      pending: Number(info.pending ?? 0),
      lag: info.lag === null || info.lag === undefined ? null : Number(info.lag),
    };
  });
}

function noSuchKeyAsNone(error: unknown): unknown[] {
  if (error instanceof Error && /no such key/i.test(error.message)) return [];
  throw error;
}
