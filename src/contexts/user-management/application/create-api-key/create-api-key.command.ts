import type { Permission } from '../../domain/access/permission.js';
import type { ApiKey } from '../../domain/api-keys/api-key.js';

export interface CreateApiKeyCommand {
  readonly actorId: string;
  readonly actorIsAdmin: boolean;
  readonly projectId: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
  readonly expiresAt: Date | null;
  /** A service account to issue the key for; the actor's own key when absent. */
  readonly serviceAccountId?: string;
  readonly ip: string;
}

export interface CreatedApiKey {
  readonly key: ApiKey;
  /** Shown once in the response, never stored. */
  readonly secret: string;
}
