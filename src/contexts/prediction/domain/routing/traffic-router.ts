import type { Variant } from '../deployment/variant.js';

export const ROUTING_MODES = ['split', 'sticky', 'bandit'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

export interface Routing {
  readonly mode: RoutingMode;
  /** Header whose value keeps one caller on one variant in `sticky` mode. */
  readonly requestKeyHeader: string;
  /** In `bandit` mode: judged answers each variant needs before Thompson sampling replaces the weights. */
  readonly minFeedback?: number;
}

export interface RouteChoice {
  readonly primary: Variant;
  /** Variants that receive a copy of the request; their answers are recorded, never returned. */
  readonly shadows: readonly Variant[];
}

/**
 * Picks the variant that answers a request. `split` draws a point in [0, 1) from `random`;
 * `sticky` derives it from the request key, so one key lands on one variant for as long as the
 * weights stay the same. A sticky request without a key falls back to a random draw.
 */
export function routeRequest(
  variants: readonly Variant[],
  routing: Routing,
  request: { readonly requestKey?: string; readonly random: () => number },
): RouteChoice {
  const primaries = variants.filter((variant) => !variant.shadow && variant.weight > 0);
  const point =
    routing.mode === 'sticky' && request.requestKey !== undefined ? stickyPoint(request.requestKey) : request.random();
  return { primary: pickByWeight(primaries, point), shadows: variants.filter((variant) => variant.shadow) };
}

/** The variant whose cumulative weight interval holds `point` (0 <= point < 1). */
export function pickByWeight<T extends { readonly weight: number }>(candidates: readonly T[], point: number): T {
  const total = candidates.reduce((sum, candidate) => sum + candidate.weight, 0);
  let threshold = point * total;
  for (const candidate of candidates) {
    if (threshold < candidate.weight) return candidate;
    threshold -= candidate.weight;
  }
  // Rounding can leave the last sliver unclaimed: it belongs to the last candidate.
  return candidates[candidates.length - 1];
}

const UTF8 = new TextEncoder();

/**
 * A stable point in [0, 1) for a key, the same in every process and after restarts: FNV-1a over
 * the UTF-8 bytes, then MurmurHash3's finaliser so keys that differ in one character spread
 * over the whole interval.
 */
export function stickyPoint(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of UTF8.encode(key)) hash = Math.imul(hash ^ byte, 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 0x1_0000_0000;
}
