import { Inject, Injectable } from '@nestjs/common';
import { isJsonObject, type JsonObject, type JsonValue } from '../../domain/json-value.js';
import { WORKFLOW_ENGINE_CONFIG, type WorkflowEngineConfig } from '../config/workflow-engine-config.js';
import { OutboundAddressPolicy } from './http/outbound-address-policy.js';
import { sendPinned, type OutboundRequest, type PinnedResponse } from './http/pinned-request.js';
import { TaskExecutor } from './task-executor.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one HTTP request through the SSRF policy. Every hop of a redirect is checked again before
 * anything connects to it. Succeeds with status, content type and body (parsed when JSON); fails
 * when the status is not `expectStatus` (or not 2xx without one).
 */
@Injectable()
export class HttpExecutor extends TaskExecutor {
  readonly type = 'http';
  private readonly policy: OutboundAddressPolicy;

  constructor(@Inject(WORKFLOW_ENGINE_CONFIG) private readonly config: WorkflowEngineConfig) {
    super();
    this.policy = new OutboundAddressPolicy(config.http);
  }

  async execute(input: JsonValue, signal: AbortSignal): Promise<JsonValue> {
    const params = isJsonObject(input) ? input : {};
    const headers = isJsonObject(params.headers) ? (params.headers as Record<string, string>) : {};
    const body = params.body === undefined ? undefined : JSON.stringify(params.body);
    // TaskExecutors checked the params against the type's schema: method and url are strings.
    let outbound: OutboundRequest = {
      method: params.method as string,
      url: new URL(params.url as string),
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body,
    };
    const timeout = AbortSignal.any([signal, AbortSignal.timeout(this.config.http.timeoutMs)]);
    for (let hop = 0; ; hop += 1) {
      const address = await this.policy.check(outbound.url);
      const response = await sendPinned(outbound, address, this.config.http.maxResponseBytes, timeout);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || location === undefined) return this.outcome(response, params);
      if (hop >= this.config.http.maxRedirects) throw new Error(`more than ${this.config.http.maxRedirects} redirects`);
      // 303 (and, as browsers do, 301/302 after a POST) continue as a GET without the body.
      const keepsMethod = response.status === 307 || response.status === 308;
      outbound = keepsMethod
        ? { ...outbound, url: new URL(location, outbound.url) }
        : { method: 'GET', url: new URL(location, outbound.url), headers };
    }
  }

  private outcome(response: PinnedResponse, params: JsonObject): JsonValue {
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
