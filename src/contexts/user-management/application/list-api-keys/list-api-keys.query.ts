export interface ListApiKeysQuery {
  readonly actorId: string;
  readonly actorIsAdmin: boolean;
  /** A service account's keys instead of the caller's own. */
  readonly serviceAccountId?: string;
}
