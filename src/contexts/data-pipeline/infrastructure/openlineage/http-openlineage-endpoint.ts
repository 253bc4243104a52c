import { OutboundHttp, type OutboundPolicy } from '@libs/outbound';
import { OpenLineageEndpoint } from '../../application/ports/openlineage-endpoint.js';
import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';
import type { OpenLineageConfig } from './openlineage-config.js';

const LIMITS = { maxRedirects: 3, maxResponseBytes: 64 * 1024 };

/**
 * POSTs RunEvents as JSON to OPENLINEAGE_URL through the outbound (SSRF) policy: every hop's address
 * is checked and connected to as checked. OPENLINEAGE_API_KEY goes as a Bearer token, and never to
 * another origin a redirect names.
 */
export class HttpOpenLineageEndpoint extends OpenLineageEndpoint {
  private readonly http: OutboundHttp;

  constructor(
    private readonly config: OpenLineageConfig,
    policy: OutboundPolicy,
  ) {
    super();
    this.http = new OutboundHttp(policy);
  }

  async send(event: OpenLineageRunEvent): Promise<void> {
    const url = this.config.url;
    if (!url) throw new Error('no OpenLineage endpoint is configured');
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
    if (response.status < 200 || response.status >= 300) throw new Error(`answered HTTP ${response.status}`);
  }
}
