/** An attempt the server may answer when tried again: a network error, a timeout, a 5xx or a 429. */
export class TransientRemoteFailure extends Error {
  override readonly name = 'TransientRemoteFailure';
}

/** The server answered and refused the request (a 4xx, an unreadable answer): it is up, and a retry cannot help. */
export class RemoteRefusal extends Error {
  override readonly name = 'RemoteRefusal';
}

/** Statuses that say "not now" rather than "not this": retried, and counted by the breaker. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
