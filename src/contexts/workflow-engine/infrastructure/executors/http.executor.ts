import { Inject, Injectable } from '@nestjs/common';
import { OutboundHttp, OutboundPolicy, OutboundUrlRefused, type OutboundResponse } from '@libs/outbound';
import { isJsonObject, type JsonObject, type JsonValue } from '../../domain/json-value.js';
import { WORKFLOW_ENGINE_CONFIG, type WorkflowEngineConfig } from '../config/workflow-engine-config.js';
import { TaskExecutor, TaskFailedForGood, type TaskRunIdentity } from './task-executor.js';

/**
 * Sends one HTTP request through the outbound policy, every redirect hop checked before anything
 * connects to it. Succeeds with status, content type and body (parsed when JSON); fails when the
 * status is not `expectStatus` (or not 2xx without one), and for good when the policy refuses.
 *
 * Delivery is at least once: a worker that dies after the request and before its report leaves the
 * task to run again. So every attempt of a task run carries the same `Idempotency-Key`
 * (`<run id>/<task key>`), unless the definition sets one, and a receiver can tell a repeat.
 */
@Injectable()
export class HttpExecutor extends TaskExecutor {
  readonly type = 'http';
  private readonly outbound: OutboundHttp;

  constructor(
    @Inject(WORKFLOW_ENGINE_CONFIG) private readonly config: WorkflowEngineConfig,
    policy: OutboundPolicy,
  ) {
    super();
    this.outbound = new OutboundHttp(policy);
  }

  async execute(input: JsonValue, signal: AbortSignal, taskRun: TaskRunIdentity): Promise<JsonValue> {
    const params = isJsonObject(input) ? input : {};
    const headers = withIdempotencyKey(
      isJsonObject(params.headers) ? (params.headers as Record<string, string>) : {},
      taskRun,
    );
    const body = params.body === undefined ? undefined : JSON.stringify(params.body);
    const { timeoutMs, ...limits } = this.config.http;
    try {
      // TaskExecutors checked the params against the type's schema: method and url are strings.
      const response = await this.outbound.request(
        {
          method: params.method as string,
          url: new URL(params.url as string),
          headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
          body,
        },
        limits,
        AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      );
      return this.outcome(response, params);
    } catch (error) {
      if (error instanceof OutboundUrlRefused) throw new TaskFailedForGood(error.message);
      throw error;
    }
  }

  private outcome(response: OutboundResponse, params: JsonObject): JsonValue {
    const expected = typeof params.expectStatus === 'number' ? params.expectStatus : undefined;
    const ok = expected === undefined ? response.status >= 200 && response.status < 300 : response.status === expected;
    if (!ok) throw new Error(`the response status was ${response.status}${expected ? `, expected ${expected}` : ''}`);
    const contentType = response.headers['content-type'] ?? '';
    const text = response.body.toString('utf8');
    return { status: response.status, contentType, body: /json/i.test(contentType) ? safeJson(text) : text };
  }
}

function safeJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function withIdempotencyKey(headers: Record<string, string>, { runId, key }: TaskRunIdentity): Record<string, string> {
  const named = Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key');
  return named ? headers : { ...headers, 'idempotency-key': `${runId}/${key}` };
}
