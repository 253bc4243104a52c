import type { AlertStateName } from './alert-state.js';
import type { Alert, AlertTransition } from './alert.js';

export interface HistoryQuery {
  readonly projectId: string | null;
  readonly ruleId?: string;
  readonly alertId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  readonly cursor?: string;
}

export interface TransitionPage {
  readonly items: AlertTransition[];
  readonly nextCursor: string | null;
}

/** Port: the current alerts of each rule and the history of their transitions. */
export abstract class AlertRepository {
  abstract ofRule(ruleId: string): Promise<Alert[]>;
  abstract find(id: string): Promise<Alert | undefined>;
  /** Stores alerts (new or changed) with the transitions that brought them there. */
  abstract save(alerts: readonly Alert[], transitions: readonly AlertTransition[]): Promise<void>;
  /** A project's alerts (global rules' alerts about it included), in one state or all but inactive. */
  abstract current(projectId: string, state?: AlertStateName): Promise<Alert[]>;
  /** Every project's alerts and the platform's, in one state: the administrators' overview. */
  abstract everywhere(state: AlertStateName): Promise<Alert[]>;
  /** Transitions oldest first, filtered; the cursor is the last transition id of the previous page. */
  abstract history(query: HistoryQuery): Promise<TransitionPage>;
}
