import { OutboundBreakers, type BreakerTransitionReport, type OutboundBreaker } from '@libs/outbound';
import type { BreakerLabels } from '@libs/platform';
import type { AttemptOutcome, PostponedSend } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookTargetAvailability } from '../../application/ports/webhook-sender.js';
import type { WebhookSettings } from '../config/webhook-settings.js';
import { attemptThrough } from './breaker-attempt.js';

/**
 * The target failing rather than answering: no answer at all (refused, reset, timed out, a name that
 * does not resolve) or a 5xx. A 2xx-4xx is the receiver up, whatever it thought of the body; a URL
 * the outbound policy refuses (a permanent failure) is ours to refuse and says nothing about it.
 */
const failedAttempt = (outcome: AttemptOutcome) =>
  (outcome.error !== undefined && outcome.permanent !== true) || (outcome.statusCode ?? 0) >= 500;

/** `scheme://host:port`, the default port written out: one breaker per receiving server. */
function originOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}`;
}

/**
 * The circuit breakers of outbound webhook targets (event webhooks, webhook and Slack notification
 * channels), one per origin. Origins come from users' URLs, so the breakers kept and the origins
 * labelled in the metrics are capped at WEBHOOK_BREAKER_MAX_TARGETS (docs/adr/0601).
 */
export class WebhookBreakers extends WebhookTargetAvailability {
  private readonly breakers: OutboundBreakers;

  constructor(
    settings: Pick<WebhookSettings, 'breaker' | 'breakerMaxTargets'>,
    metrics?: { readonly report: BreakerTransitionReport; readonly forget: (labels: BreakerLabels) => void },
  ) {
    super();
    this.breakers = new OutboundBreakers({
      dependency: 'webhook',
      settings: settings.breaker,
      maxTargets: settings.breakerMaxTargets,
      ...metrics,
    });
  }

  refusedForSeconds(url: string): number | undefined {
    const breaker = this.breakerOf(url);
    return breaker === undefined || breaker.accepting ? undefined : breaker.retryAfterSeconds;
  }

  /**
   * Makes one attempt through its target's breaker, which a failed attempt counts against; answers
   * the attempt's outcome, or when to try again if the breaker refused to make it.
   */
  attempt(url: string, send: () => Promise<AttemptOutcome>): Promise<AttemptOutcome | PostponedSend> {
    const breaker = this.breakerOf(url);
    // A URL that does not parse has no target: the sender reports it as the attempt's error.
    return breaker ? attemptThrough(breaker, failedAttempt, send) : send();
  }

  private breakerOf(url: string): OutboundBreaker | undefined {
    try {
      return this.breakers.for(originOf(new URL(url)));
    } catch {
      return undefined;
    }
  }
}
