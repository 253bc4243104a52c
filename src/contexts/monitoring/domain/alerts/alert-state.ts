export const ALERT_STATES = ['inactive', 'pending', 'firing', 'resolved'] as const;
export type AlertStateName = (typeof ALERT_STATES)[number];

/** Where one alert (a rule and one label set) stands between evaluations. */
export interface AlertStatus {
  readonly state: AlertStateName;
  /** When the condition began to hold without a break: the start of `for`. */
  readonly activeSince: Date | null;
  /** The last evaluation that met the condition: the start of `keepFiringFor`. */
  readonly lastMetAt: Date | null;
}

export interface Observation {
  readonly met: boolean;
  readonly at: Date;
}

export interface RuleTiming {
  readonly forMs: number;
  readonly keepFiringForMs: number;
}

export const INACTIVE: AlertStatus = { state: 'inactive', activeSince: null, lastMetAt: null };

/**
 * Prometheus's alerting semantics as one pure step: a condition that holds makes an alert pending,
 * and firing once it has held for `for` without a break; a pending alert whose condition breaks goes
 * back to inactive; a firing alert resolves when its condition has not held for `keepFiringFor`.
 * A resolved alert whose condition holds again starts a new pending period.
 */
export function observe(status: AlertStatus, observation: Observation, timing: RuleTiming): AlertStatus {
  const { met, at } = observation;
  switch (status.state) {
    case 'inactive':
    case 'resolved':
      if (!met) return status;
      return timing.forMs === 0
        ? { state: 'firing', activeSince: at, lastMetAt: at }
        : { state: 'pending', activeSince: at, lastMetAt: at };
    case 'pending': {
      if (!met) return INACTIVE;
      const since = status.activeSince ?? at;
      const held = at.getTime() - since.getTime() >= timing.forMs;
      return { state: held ? 'firing' : 'pending', activeSince: since, lastMetAt: at };
    }
    case 'firing': {
      if (met) return { ...status, lastMetAt: at };
      const quietMs = at.getTime() - (status.lastMetAt ?? at).getTime();
      return quietMs < timing.keepFiringForMs
        ? status
        : { state: 'resolved', activeSince: null, lastMetAt: status.lastMetAt };
    }
  }
}
