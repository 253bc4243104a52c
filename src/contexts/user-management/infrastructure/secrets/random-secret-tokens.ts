import { hash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretTokens, type GeneratedSecret, type SecretKind } from '../../application/ports/secret-tokens.js';

// Prefixes tell credential kinds apart without a lookup and let secret scanners spot leaked keys.
const PREFIX: Record<SecretKind, string> = { 'refresh-token': 'mlr_', 'api-key': 'mlk_' };
const SECRET_BYTES = 32;
const DISPLAY_LENGTH = 12;

/** 256-bit random secrets; stored as SHA-256, which is enough for values nobody can guess. */
@Injectable()
export class RandomSecretTokens extends SecretTokens {
  generate(kind: SecretKind): GeneratedSecret {
    const secret = PREFIX[kind] + randomBytes(SECRET_BYTES).toString('base64url');
    return { secret, hash: this.digest(secret), prefix: secret.slice(0, DISPLAY_LENGTH) };
  }

  digest(secret: string): string {
    // The one-shot hash (no Hash object): every API-key request digests its key (docs/adr/0508).
    return hash('sha256', secret, 'hex');
  }

  kindOf(secret: string): SecretKind | undefined {
    if (secret.startsWith(PREFIX['api-key'])) return 'api-key';
    if (secret.startsWith(PREFIX['refresh-token'])) return 'refresh-token';
    return undefined;
  }
}
