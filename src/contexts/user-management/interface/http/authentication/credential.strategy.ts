import type { IncomingHttpHeaders } from 'node:http';
import passport from 'passport';
import { CONFLICTING, presentedCredential } from '../../../contracts/presented-credential.js';

type Verify = (credential: string, done: (error: unknown, principal?: unknown) => void) => void;

/**
 * A Passport strategy for the platform's two bearer credentials (access tokens and API keys);
 * what a credential is worth is decided by the `verify` callback.
 */
export class CredentialStrategy extends passport.Strategy {
  override name = 'platform-credential';

  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(request: { readonly headers: IncomingHttpHeaders }): void {
    const credential = presentedCredential(request);
    if (credential === undefined || credential === CONFLICTING) {
      this.fail({ message: 'missing credential' }, 401);
      return;
    }
    this.verify(credential, (error, principal) => {
      if (error) this.error(error);
      else if (!principal) this.fail({ message: 'invalid credential' }, 401);
      else this.success(principal);
    });
  }
}
