import { OutboundBreaker, type BreakerState } from '@libs/outbound';
import type { GatewaySettings } from '../gateway-settings.js';

export type { BreakerState };
/** The breaker refused the call without reaching the instance. */
export { OutboundCircuitOpen as UpstreamCircuitOpen } from '@libs/outbound';

/**
 * One upstream instance's circuit breaker (the shared OutboundBreaker): it opens when more than the
 * failure ratio of the last calls failed (once enough calls were made), or after as many consecutive
 * failures as that minimum, which catches a dead instance at once. Once GATEWAY_BREAKER_HALF_OPEN_MS
 * passed, it lets one probe through (the calls made meanwhile are refused) whose outcome closes or
 * reopens it. Whatever a call throws counts as a failure of the instance.
 */
export class UpstreamBreaker extends OutboundBreaker {
  constructor(
    settings: GatewaySettings,
    changed: (from: BreakerState, to: BreakerState) => void,
    now: () => number = Date.now,
  ) {
    super({
      settings: {
        consecutiveFailures: settings.breakerMinimumCalls,
        failureRatio: settings.breakerFailureRatio,
        windowCalls: settings.breakerWindowCalls,
        minimumCalls: settings.breakerMinimumCalls,
        halfOpenAfterMs: settings.breakerHalfOpenAfterMs,
      },
      changed,
      now,
    });
  }
}
