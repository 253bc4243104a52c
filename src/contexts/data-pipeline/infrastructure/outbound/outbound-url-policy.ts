import type { OutboundPolicy } from '@libs/outbound';
import { UrlPolicy } from '../../application/ports/url-policy.js';

/** The platform's outbound policy (OUTBOUND_* settings, docs/adr/0010), judging a URL as written. */
export class OutboundUrlPolicy extends UrlPolicy {
  constructor(private readonly policy: OutboundPolicy) {
    super();
  }

  problem(url: string): string | undefined {
    return this.policy.literalProblem(url);
  }
}
