import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

export interface ConsumerGroupRef {
  readonly stream: string;
  readonly group: string;
}

/** How far the bus is behind: unpublished outbox rows and undelivered stream entries. */
export class BusBacklog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly schemas: readonly string[],
    private readonly groups: () => readonly ConsumerGroupRef[],
  ) {}

  async outboxBacklog(): Promise<Record<string, number>> {
    const backlog: Record<string, number> = {};
    for (const schema of this.schemas) {
      const [row] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${schema}".outbox`);
      backlog[schema] = row.n;
    }
    return backlog;
  }

  /** Entries not yet delivered plus delivered but unacknowledged, per consumer group. */
  async consumerLag(): Promise<Record<string, number>> {
    const lag: Record<string, number> = {};
    for (const stream of new Set(this.groups().map((ref) => ref.stream))) {
      const groups = await this.groupInfo(stream);
      for (const { group } of this.groups().filter((ref) => ref.stream === stream)) {
        const info = groups.get(group);
        // Redis answers a null lag when it cannot tell (after deletions); pending still counts.
        lag[group] = Number(info?.lag ?? 0) + Number(info?.pending ?? 0);
      }
    }
    return lag;
  }

  private async groupInfo(stream: string): Promise<Map<unknown, Record<string, unknown>>> {
    const replies = (await this.redis.xinfo('GROUPS', stream).catch(() => [])) as unknown[][];
    const infos = replies.map((flat) => {
      const info: Record<string, unknown> = {};
      for (let index = 0; index + 1 < flat.length; index += 2) info[String(flat[index])] = flat[index + 1];
      return info;
    });
    return new Map(infos.map((info) => [info.name, info]));
  }
}
