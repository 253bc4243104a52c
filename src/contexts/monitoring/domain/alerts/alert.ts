import { newId } from '@libs/ddd';
import type { AlertStateName, AlertStatus } from './alert-state.js';
import type { Labels } from './labels.js';
import type { LineageRef } from './sample.js';

/** One alert: a rule and one label set, where it stands, and what the last evaluation saw. */
export interface Alert {
  readonly id: string;
  readonly ruleId: string;
  readonly projectId: string | null;
  readonly fingerprint: string;
  readonly labels: Labels;
  readonly status: AlertStatus;
  readonly value: number | null;
  readonly annotations: Labels;
  readonly lineage: readonly LineageRef[];
  readonly updatedAt: Date;
}

/** One change of an alert's state, kept for ever as its history (the anchors' top ask). */
export interface AlertTransition {
  readonly id: string;
  readonly alertId: string;
  readonly ruleId: string;
  readonly projectId: string | null;
  readonly labels: Labels;
  readonly from: AlertStateName;
  readonly to: AlertStateName;
  readonly at: Date;
  readonly value: number | null;
  readonly annotations: Labels;
  readonly lineage: readonly LineageRef[];
}

export function transitionOf(alert: Alert, from: AlertStateName): AlertTransition {
  return {
    id: newId(),
    alertId: alert.id,
    ruleId: alert.ruleId,
    projectId: alert.projectId,
    labels: alert.labels,
    from,
    to: alert.status.state,
    at: alert.updatedAt,
    value: alert.value,
    annotations: alert.annotations,
    lineage: alert.lineage,
  };
}
