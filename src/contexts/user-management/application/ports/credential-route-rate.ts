/**
 * Port: requests per client address and minute on the unauthenticated credential routes (login,
 * refresh, sign-up), shared by every instance; the adapter holds the configured limit.
 */
export abstract class CredentialRouteRate {
  /** Counts one request from `client`; returns the seconds to wait when over the limit, else 0. */
  abstract hit(client: string): Promise<number>;
}
