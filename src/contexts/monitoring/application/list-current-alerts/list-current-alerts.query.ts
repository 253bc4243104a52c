import type { AlertStateName } from '../../domain/alerts/alert-state.js';

export interface ListCurrentAlertsQuery {
  readonly projectId: string;
  /** One state, or every alert that is not inactive. */
  readonly state?: AlertStateName;
}
