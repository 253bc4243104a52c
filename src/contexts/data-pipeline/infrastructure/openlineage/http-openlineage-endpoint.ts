import {
  OutboundBreakers,
  OutboundCircuitOpen,
  OutboundHttp,
  OutboundUrlRefused,
  type BreakerTransitionReport,
  type OutboundBreaker,
  type OutboundPolicy,
} from '@libs/outbound';
import { OpenLineageEndpoint, OpenLineageEndpointUnavailable } from '../../application/ports/openlineage-endpoint.js';
import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';
import type { OpenLineageConfig } from './openlineage-config.js';

const LIMITS = { maxRedirects: 3, maxResponseBytes: 64 * 1024 };

/** The endpoint answered, but not 2xx. */
class EndpointAnswered extends Error {
  constructor(readonly status: number) {
    super(`answered HTTP ${status}`);
  }
}

/**
 * The endpoint failing rather than answering: no answer (refused, reset, timed out) or a 5xx. A 4xx
 * is the endpoint up and refusing this event, and a URL the outbound policy refuses is our own
 * configuration: neither says the endpoint is down.
 */
const isEndpointFailure = (error: unknown) =>
  error instanceof EndpointAnswered ? error.status >= 500 : !(error instanceof OutboundUrlRefused);

/**
 * POSTs RunEvents as JSON to OPENLINEAGE_URL through the outbound (SSRF) policy: every hop's address
 * is checked and connected to as checked. OPENLINEAGE_API_KEY goes as a Bearer token, and never to
 * another origin a redirect names. Every POST passes the endpoint's circuit breaker
 * (OPENLINEAGE_BREAKER_*); while it is open, events are refused unsent (docs/adr/0405).
 */
export class HttpOpenLineageEndpoint extends OpenLineageEndpoint {
  private readonly http: OutboundHttp;
  private readonly breaker?: OutboundBreaker;

  constructor(
    private readonly config: OpenLineageConfig,
    policy: OutboundPolicy,
    report?: BreakerTransitionReport,
  ) {
    super();
    this.http = new OutboundHttp(policy);
    if (config.url) {
      const breakers = new OutboundBreakers({
        dependency: 'openlineage',
        settings: config.breaker,
        maxTargets: 1,
        isFailure: isEndpointFailure,
        report,
      });
      // Origin and path: the configured URL's query could carry a credential.
      this.breaker = breakers.for(`${config.url.origin}${config.url.pathname}`);
    }
  }

  async send(event: OpenLineageRunEvent): Promise<void> {
    const url = this.config.url;
    if (!url || !this.breaker) throw new Error('no OpenLineage endpoint is configured');
    try {
      await this.breaker.execute(() => this.post(url, event));
    } catch (error) {
      if (error instanceof OutboundCircuitOpen)
        throw new OpenLineageEndpointUnavailable(new Date(this.breaker.nextAttemptAt));
      throw error;
    }
  }

  private async post(url: URL, event: OpenLineageRunEvent): Promise<void> {
    const response = await this.http.request(
      {
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          ...(this.config.apiKey !== undefined && { authorization: `Bearer ${this.config.apiKey}` }),
        },
        body: JSON.stringify(event),
      },
      LIMITS,
      AbortSignal.timeout(this.config.timeoutMs),
    );
    if (response.status < 200 || response.status >= 300) throw new EndpointAnswered(response.status);
  }
}
