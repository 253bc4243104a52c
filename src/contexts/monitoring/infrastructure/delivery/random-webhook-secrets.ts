import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WebhookSecrets } from '../../application/ports/webhook-secrets.js';

/** 32 random bytes, base64url, with a prefix that tells a leaked secret apart in logs and scanners. */
@Injectable()
export class RandomWebhookSecrets extends WebhookSecrets {
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }
}
