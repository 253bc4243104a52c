import type { Tags } from '../../domain/labels.js';

export interface RegisterModelCommand {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly tags?: Tags;
  readonly protectedAliases?: readonly string[];
  readonly actorId: string;
}
