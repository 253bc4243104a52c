import { LRUCache } from 'lru-cache';
import type { BreakerLabels } from '@libs/platform';
import { OutboundBreaker, type BreakerSettings, type BreakerState } from './outbound-breaker.js';

/** Where a breaker's transitions go: the outbound_breaker_* metrics. */
export type BreakerTransitionReport = (labels: BreakerLabels, from: BreakerState, to: BreakerState) => void;

export interface OutboundBreakersOptions {
  /** The metric's `dependency` label: s3, openlineage, webhook. */
  readonly dependency: string;
  readonly settings: BreakerSettings;
  /** Breakers kept (least recently used leave first) and targets labelled by name, the rest as `other`. */
  readonly maxTargets: number;
  readonly isFailure?: (error: unknown) => boolean;
  readonly report?: BreakerTransitionReport;
  /**
   * A breaker with a label of its own was dropped (the least recently used, past the cap): its state
   * should leave the metrics rather than stay at its last value, an open breaker nobody has any more.
   */
  readonly forget?: (labels: BreakerLabels) => void;
  readonly now?: () => number;
}

const OTHER = 'other';

/**
 * The breakers of one kind of dependency, one per target (an S3 bucket, an endpoint, a webhook
 * origin). Targets may be users' URLs, so both the breakers and the metric labels are bounded: at
 * most `maxTargets` breakers live at once, and the first `maxTargets` targets a process sees keep
 * their own label while later ones report as `other` (ARCHITECTURE §8: bounded labels).
 */
export class OutboundBreakers {
  private readonly breakers: LRUCache<string, OutboundBreaker>;
  private readonly labelled = new Set<string>();

  constructor(private readonly options: OutboundBreakersOptions) {
    this.breakers = new LRUCache({
      max: options.maxTargets,
      // `other` stands for many targets at once: one of them leaving says nothing of the others.
      dispose: (_breaker, target, reason) => {
        if (reason === 'evict' && this.labelled.has(target))
          options.forget?.({ dependency: options.dependency, target });
      },
    });
  }

  for(target: string): OutboundBreaker {
    const known = this.breakers.get(target);
    if (known) return known;
    const labels = { dependency: this.options.dependency, target: this.labelOf(target) };
    const breaker = new OutboundBreaker({
      settings: this.options.settings,
      isFailure: this.options.isFailure,
      changed: (from, to) => this.options.report?.(labels, from, to),
      now: this.options.now,
    });
    this.breakers.set(target, breaker);
    return breaker;
  }

  private labelOf(target: string): string {
    if (this.labelled.has(target)) return target;
    if (this.labelled.size >= this.options.maxTargets) return OTHER;
    this.labelled.add(target);
    return target;
  }
}
