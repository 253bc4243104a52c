import { Injectable } from '@nestjs/common';
import { OutboundPolicy } from '@libs/outbound';
import { RemoteUrls } from '../../application/ports/remote-urls.js';

/** The platform's outbound policy (docs/adr/0010) on remote runtime URLs when a deployment is written. */
@Injectable()
export class PolicyRemoteUrls extends RemoteUrls {
  constructor(private readonly policy: OutboundPolicy) {
    super();
  }

  problemOf(url: string): string | undefined {
    return this.policy.literalProblem(url);
  }
}
