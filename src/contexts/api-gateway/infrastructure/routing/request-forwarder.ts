import { finished } from 'node:stream';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors, type Agent, type Dispatcher } from 'undici';
import type { RetryBudget } from '@libs/outbound';
import { problem, PROBLEM_CONTENT_TYPE } from '@libs/platform';
import { chooseUpstream } from '../../domain/upstream-choice.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { GATEWAY_SETTINGS } from '../gateway-tokens.js';
import { upstreamAgent, upstreamRetryBudget } from './upstream-calls.js';
import { RegistryHeartbeat } from '../registry/registry-heartbeat.js';
import { endToEndHeaders, upstreamHeaders } from './forwarded-headers.js';
import { GatewayMetrics, type ForwardOutcome } from './gateway-metrics.js';
import type { Upstream } from './upstream.js';
import { UpstreamCircuitOpen } from './upstream-breaker.js';

// RFC 9110 section 9.2.2; a request with a body is replayed only if its body could be, and a streamed one cannot.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** The instance answered 5xx: a failure for its breaker, and an answer to relay if no retry follows. */
class UpstreamAnsweredError extends Error {
  constructor(readonly response: Dispatcher.ResponseData) {
    super(`answered ${response.statusCode}`);
  }
}

/**
 * Sends a request to one of the instances serving its route and streams the answer back: the
 * least busy instance whose breaker accepts calls, each try bounded by GATEWAY_TRY_TIMEOUT_MS;
 * idempotent requests without a body are tried again on another instance (or the same, if it is
 * the only one) after a failure, while the retry budget allows.
 */
@Injectable()
export class RequestForwarder implements BeforeApplicationShutdown {
  private readonly agent: Agent;
  private readonly budget: RetryBudget;

  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    private readonly self: RegistryHeartbeat,
    private readonly metrics: GatewayMetrics,
  ) {
    this.agent = upstreamAgent(settings);
    this.budget = upstreamRetryBudget(settings);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }

  /** `body` is the request's body when it was read already (to count a batch); otherwise the body streams. */
  async forward(
    request: FastifyRequest,
    reply: FastifyReply,
    candidates: readonly Upstream[],
    body?: Buffer,
  ): Promise<void> {
    const length = request.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    const replayable = IDEMPOTENT.has(request.method) && !hasBody;
    const sent: Dispatcher.DispatchOptions['body'] = body ?? (hasBody ? request.raw : undefined);
    const tried = new Set<string>();
    this.budget.recordCall();
    for (let attempt = 0; ; attempt += 1) {
      const upstream = chooseUpstream(candidates, tried);
      if (upstream === undefined) return this.refuse(reply, candidates);
      tried.add(upstream.id);
      const failure = await this.tryOn(upstream, request, reply, sent);
      if (failure === undefined) return;
      const retry = replayable && attempt < this.settings.maxRetries && this.budget.allowsRetry();
      if (retry) {
        this.budget.recordRetry();
        this.metrics.retried(upstream.url);
        if (failure instanceof UpstreamAnsweredError) await failure.response.body.dump();
        continue;
      }
      return this.fail(reply, upstream, failure);
    }
  }

  /** Undefined once the answer is being relayed; else what went wrong on this instance. */
  private async tryOn(
    upstream: Upstream,
    request: FastifyRequest,
    reply: FastifyReply,
    body: Dispatcher.DispatchOptions['body'],
  ): Promise<Error | undefined> {
    upstream.outstanding += 1;
    let response: Dispatcher.ResponseData;
    try {
      response = await upstream.breaker.execute(async () => {
        const answer = await this.agent.request({
          origin: upstream.url,
          path: request.url,
          method: request.method,
          headers: upstreamHeaders(request, this.self.instanceId),
          body,
        });
        if (answer.statusCode >= 500) throw new UpstreamAnsweredError(answer);
        return answer;
      });
    } catch (error) {
      upstream.outstanding -= 1;
      return error as Error;
    }
    this.relay(reply, upstream, response);
    return undefined;
  }

  private relay(reply: FastifyReply, upstream: Upstream, response: Dispatcher.ResponseData): void {
    // The instance is busy with this request until its answer has been read to the end.
    finished(response.body, () => (upstream.outstanding -= 1));
    this.metrics.answered(upstream.url, response.statusCode >= 500 ? 'upstream-error' : 'answered');
    void reply.code(response.statusCode).headers(endToEndHeaders(response.headers)).send(response.body);
  }

  private fail(reply: FastifyReply, upstream: Upstream, failure: Error): void {
    if (failure instanceof UpstreamAnsweredError) {
      upstream.outstanding += 1;
      return this.relay(reply, upstream, failure.response);
    }
    if (failure instanceof UpstreamCircuitOpen) return this.refuse(reply, [upstream]);
    const timedOut = failure instanceof errors.HeadersTimeoutError || failure instanceof errors.BodyTimeoutError;
    this.answer(reply, upstream.url, 'unreachable', timedOut ? 504 : 502, {
      slug: timedOut ? 'upstream-timeout' : 'upstream-unreachable',
      detail: timedOut
        ? `The instance serving this route did not answer within ${this.settings.tryTimeoutMs} ms`
        : 'The instance serving this route could not be reached',
    });
  }

  /** No instance takes the request: their breakers are open (503 with Retry-After), or none is registered. */
  private refuse(reply: FastifyReply, candidates: readonly Upstream[]): void {
    if (candidates.length === 0) {
      void reply.header('retry-after', String(Math.ceil(this.settings.instanceTtlMs / 1000)));
      return this.answer(reply, 'none', 'no-instance', 503, {
        slug: 'no-upstream-instance',
        detail: 'No running instance serves this route now',
      });
    }
    const retryAfter = Math.min(...candidates.map((candidate) => candidate.breaker.retryAfterSeconds));
    void reply.header('retry-after', String(retryAfter));
    this.answer(reply, candidates[0].url, 'circuit-open', 503, {
      slug: 'upstream-circuit-open',
      detail: 'The instances serving this route are failing; the gateway stopped calling them for a while',
    });
  }

  private answer(
    reply: FastifyReply,
    upstream: string,
    outcome: ForwardOutcome,
    status: number,
    fields: { slug: string; detail: string },
  ): void {
    this.metrics.answered(upstream, outcome);
    void reply
      .code(status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem(status, fields)));
  }
}
