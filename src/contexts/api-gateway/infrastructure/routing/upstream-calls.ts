import { Agent } from 'undici';
import { RetryBudget } from '@libs/outbound';
import type { GatewaySettings } from '../gateway-settings.js';

/** The connection pool for calls to other instances: every try bounded by the per-try timeout. */
export function upstreamAgent(settings: GatewaySettings): Agent {
  return new Agent({
    headersTimeout: settings.tryTimeoutMs,
    bodyTimeout: settings.tryTimeoutMs,
    connectTimeout: Math.min(settings.tryTimeoutMs, 10_000),
  });
}

/** Retries allowed as a share of recent calls, so a failing instance is not sent a storm of them. */
export function upstreamRetryBudget(settings: GatewaySettings): RetryBudget {
  return new RetryBudget({
    ratio: settings.retryBudgetRatio,
    minimum: settings.retryBudgetMinimum,
    windowMs: settings.retryBudgetWindowMs,
  });
}
