import type { AlertRule } from '../../domain/alerts/alert-rule.js';

export interface AcceptSloSuggestionCommand {
  readonly projectId: string;
  readonly kind: string;
  readonly subjectId: string;
  readonly actorId: string;
}

export interface AcceptedSloSuggestion {
  /** The rules created now. */
  readonly created: readonly AlertRule[];
  /** Names of suggested rules the project already had (an earlier acceptance): not created twice. */
  readonly existing: readonly string[];
}
