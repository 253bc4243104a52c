import { eventTypesOf } from '@libs/messaging';

/**
 * Integration events the monitoring context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/monitoring` so publish and
 * handle type-check against one definition.
 */
export interface MonitoringEvents {
  'monitoring.alert.firing.v1': AlertEventPayload;
  'monitoring.alert.resolved.v1': AlertEventPayload;
}

/** An alert that changed state: what it is about, its values, and the lineage nodes it concerns. */
export interface AlertEventPayload {
  readonly alertId: string;
  readonly ruleId: string;
  /** The project the alert concerns; null for a platform-wide alert of a global rule. */
  readonly projectId: string | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly value: number | null;
  readonly lineage: readonly { readonly type: string; readonly id: string }[];
  readonly at: string;
}

export type MonitoringEventType = keyof MonitoringEvents;

export const MONITORING_EVENT_TYPES = eventTypesOf<MonitoringEvents>()([
  'monitoring.alert.firing.v1',
  'monitoring.alert.resolved.v1',
]);
