import type { Tags } from '../../domain/labels.js';

/** What registering a model takes; a workflow task registers one with the same fields. */
export interface RegisterModelCommand {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly tags?: Tags;
  readonly protectedAliases?: readonly string[];
  readonly actorId: string;
}
