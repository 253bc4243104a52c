import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthenticateRequestHandler } from '../../../application/authenticate-request/authenticate-request.handler.js';
import type { Principal } from '../../../contracts/principal.js';
import { CredentialStrategy } from './credential.strategy.js';

export const PLATFORM_STRATEGY = 'platform-credential';

/** Registers the credential strategy with Passport, backed by the authenticate use case. */
@Injectable()
export class PlatformCredentialStrategy extends PassportStrategy(CredentialStrategy, PLATFORM_STRATEGY) {
  constructor(private readonly authenticateRequest: AuthenticateRequestHandler) {
    super();
  }

  validate(credential: string): Promise<Principal> {
    return this.authenticateRequest.execute({ credential });
  }
}
