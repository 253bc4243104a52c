import { Injectable } from '@nestjs/common';
import { OutboundPolicy } from '@libs/outbound';
import { OutboundUrlCheck } from '../../domain/definition/outbound-url.check.js';

/** The outbound policy's save-time half: what it can refuse without resolving a name. */
@Injectable()
export class PolicyOutboundUrlCheck extends OutboundUrlCheck {
  constructor(private readonly policy: OutboundPolicy) {
    super();
  }

  problem(url: string): string | undefined {
    return this.policy.literalProblem(url);
  }
}
