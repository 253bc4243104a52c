import { percentile, round } from './bench-result.js';

/**
 * Ours beside the peers measured in the same run. `raw` is the non-durable loop (the queue or the
 * stream alone), kept for scale; `durableFloor` is the least any design that commits to PostgreSQL
 * where ours does can cost; `dbos` is DBOS Transact where a bench has it.
 */
export interface Peers<T> {
  readonly raw: T;
  readonly durableFloor: T;
  readonly dbos?: T;
}

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

/** One side of the comparison: a throughput and the latency percentiles of the same side. */
export interface Figures {
  readonly throughput: number;
  readonly latency: Percentiles;
}

export function percentilesOf(samples: readonly number[]): Percentiles {
  return { p50: round(percentile(samples, 50), 3), p99: round(percentile(samples, 99), 3) };
}

/** Applies `pick` to each peer's figures, leaving out a peer the bench does not have. */
export function peersOf<T, R>(peers: Peers<T>, pick: (figures: T) => R): Peers<R> {
  return {
    raw: pick(peers.raw),
    durableFloor: pick(peers.durableFloor),
    ...(peers.dbos !== undefined && { dbos: pick(peers.dbos) }),
  };
}

/** Ours divided by each peer's figure: above 1 is faster for a throughput, slower for a latency. */
export function ratiosTo(ours: number, peers: Peers<number>): Peers<number> {
  return peersOf(peers, (figure) => round(ours / figure, 3));
}

export function latencyRatiosTo(ours: Percentiles, peers: Peers<Percentiles>): Peers<Percentiles> {
  return peersOf(peers, (peer) => ({ p50: round(ours.p50 / peer.p50, 2), p99: round(ours.p99 / peer.p99, 2) }));
}

/** The terminal table: one row per side, ours first, with ours' ratio to each peer. */
export function printSideBySide(
  title: string,
  units: { throughput: string; latency: string },
  ours: Figures,
  peers: Peers<Figures>,
): void {
  const sides: [string, Figures][] = [
    ['ours', ours],
    ['raw (not durable)', peers.raw],
    ['durable floor', peers.durableFloor],
  ];
  if (peers.dbos !== undefined) sides.push(['DBOS Transact', peers.dbos]);
  console.log(`\n${title}`);
  console.table(
    Object.fromEntries(
      sides.map(([side, figures]) => [
        side,
        {
          [units.throughput]: round(figures.throughput),
          'ours / it': round(ours.throughput / figures.throughput, 3),
          [`p50 ${units.latency}`]: figures.latency.p50,
          [`p99 ${units.latency}`]: figures.latency.p99,
          'p50 ours / it': round(ours.latency.p50 / figures.latency.p50, 2),
          'p99 ours / it': round(ours.latency.p99 / figures.latency.p99, 2),
        },
      ]),
    ),
  );
}
