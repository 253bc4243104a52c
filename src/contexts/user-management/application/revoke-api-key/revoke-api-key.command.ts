export interface RevokeApiKeyCommand {
  readonly actorId: string;
  readonly actorIsAdmin: boolean;
  readonly keyId: string;
  readonly ip: string;
}
