import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { consumerGroupsOf } from '../streams/consumer-groups.js';

export interface ConsumerGroupRef {
  readonly stream: string;
  readonly group: string;
}

export interface ConsumerGroupsState {
  /** Entries not yet delivered plus delivered but unacknowledged, per group Redis has. */
  readonly lag: Record<string, number>;
  /** Groups this process consumes that Redis does not have (it lost its data, or they are being made again). */
  readonly missing: string[];
}

/** How far the bus is behind: unsent outbox rows and undelivered stream entries. */
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
      const [row] = await this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE stream_entry_id IS NULL`,
      );
      backlog[schema] = row.n;
    }
    return backlog;
  }

  async consumerGroups(): Promise<ConsumerGroupsState> {
    const lag: Record<string, number> = {};
    const missing: string[] = [];
    for (const stream of new Set(this.groups().map((ref) => ref.stream))) {
      const groups = new Map((await consumerGroupsOf(this.redis, stream)).map((info) => [info.name, info]));
      for (const { group } of this.groups().filter((ref) => ref.stream === stream)) {
        const info = groups.get(group);
        if (info) lag[group] = (info.lag ?? 0) + info.pending;
        else missing.push(group);
      }
    }
    return { lag, missing };
  }

  async consumerLag(): Promise<Record<string, number>> {
    return (await this.consumerGroups()).lag;
  }
}
