import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Agent } from 'undici';
import type { RetryBudget } from '@libs/outbound';
import {
  encodeFacadeValue,
  FacadeTransport,
  FacadeUnavailable,
  facadeOperationPath,
  RequestContext,
  SERVICE_CALL_SETTINGS,
  signServiceCall,
  type FacadeCall,
  type ServiceCallSettings,
} from '@libs/platform';
import { chooseUpstream } from '../../domain/upstream-choice.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { GATEWAY_SETTINGS } from '../gateway-tokens.js';
import { upstreamAgent, upstreamRetryBudget } from '../routing/upstream-calls.js';
import type { Upstream } from '../routing/upstream.js';
import { UpstreamCircuitOpen } from '../routing/upstream-breaker.js';
import { ContextOwners } from './context-owners.js';
import { facadeAnswerOf, type OwnerAnswer } from './facade-answer.js';

/** The owner failed the call itself (5xx), as opposed to refusing it: a failure for its breaker. */
class OwnerFailed extends Error {}

/**
 * Facade calls to the process hosting their context (docs/adr/0704), as the router forwards
 * requests (docs/adr/0702): the least busy instance whose breaker accepts calls, each try bounded
 * by GATEWAY_TRY_TIMEOUT_MS, idempotent calls tried again on another instance within the retry
 * budget; each call signed with SERVICE_CALL_SECRET.
 */
@Injectable()
export class HttpFacadeTransport extends FacadeTransport implements BeforeApplicationShutdown {
  private readonly logger = new Logger(HttpFacadeTransport.name);
  private readonly agent: Agent;
  private readonly budget: RetryBudget;

  constructor(
    private readonly owners: ContextOwners,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(SERVICE_CALL_SETTINGS) private readonly calls: ServiceCallSettings,
  ) {
    super();
    this.agent = upstreamAgent(settings);
    this.budget = upstreamRetryBudget(settings);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }

  async call<T>(call: FacadeCall): Promise<T | undefined> {
    const { secret } = this.calls;
    if (secret === undefined)
      throw new FacadeUnavailable(`${call.context} is hosted elsewhere and SERVICE_CALL_SECRET is not set here`);
    const candidates = await this.owners.of(call.context);
    const path = facadeOperationPath(call.context, call.operation);
    const body = encodeFacadeValue(call.args);
    const tried = new Set<string>();
    this.budget.recordCall();
    for (let attempt = 0; ; attempt += 1) {
      const upstream = chooseUpstream(candidates, tried);
      if (upstream === undefined) throw unavailable(call, candidates);
      tried.add(upstream.id);
      let answer: OwnerAnswer;
      try {
        answer = await this.tryOn(upstream, path, body, secret);
      } catch (error) {
        const retry = call.idempotent && attempt < this.settings.maxRetries && this.budget.allowsRetry();
        if (retry) {
          this.budget.recordRetry();
          continue;
        }
        if (error instanceof UpstreamCircuitOpen) throw unavailable(call, [upstream]);
        this.logger.warn(`${call.context} ${call.operation} on ${upstream.url} failed: ${(error as Error).message}`);
        throw new FacadeUnavailable(`${call.context} did not answer ${call.operation}`);
      }
      return facadeAnswerOf<T>(answer, call);
    }
  }

  private async tryOn(upstream: Upstream, path: string, body: string, secret: string): Promise<OwnerAnswer> {
    upstream.outstanding += 1;
    try {
      return await upstream.breaker.execute(async () => {
        const response = await this.agent.request({
          origin: upstream.url,
          path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...traceHeaders(),
            ...signServiceCall(secret, { method: 'POST', path, body }),
          },
          body,
        });
        const text = await response.body.text();
        if (response.statusCode >= 500) throw new OwnerFailed(`answered ${response.statusCode}`);
        return { status: response.statusCode, text };
      });
    } finally {
      upstream.outstanding -= 1;
    }
  }
}

/** The caller's request id and trace go along, so the owner's logs and spans join the caller's. */
function traceHeaders(): Record<string, string> {
  const context = RequestContext.current();
  if (context === undefined) return {};
  return {
    'x-request-id': context.requestId,
    'x-correlation-id': context.correlationId,
    ...(context.traceparent !== undefined && { traceparent: context.traceparent }),
  };
}

function unavailable(call: FacadeCall, candidates: readonly Upstream[]): FacadeUnavailable {
  if (candidates.length === 0) return new FacadeUnavailable(`No running instance hosts ${call.context}`);
  return new FacadeUnavailable(
    `The instances hosting ${call.context} are failing; calls to them are paused`,
    Math.min(...candidates.map((candidate) => candidate.breaker.retryAfterSeconds)),
  );
}
