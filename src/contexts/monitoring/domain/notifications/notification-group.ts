import type { GroupTiming } from './alert-route.js';

/** What a route remembers of one group between rounds: when it appeared and what it last said. */
export interface NotificationGroupState {
  readonly firstSeenAt: Date;
  readonly lastNotifiedAt: Date | null;
  /** The fingerprints of the firing alerts of the last notification. */
  readonly notifiedFiring: readonly string[];
}

export type GroupDecision = 'notify' | 'wait' | 'forget';

/**
 * Alertmanager's timing for one group at one round, given the fingerprints firing now (silenced
 * ones left out): the first notification waits `groupWait` so alerts arriving together go together;
 * a change (a new firing alert, or one resolved since the last notification) is sent no sooner
 * than `groupInterval` after the last one; an unchanged group is sent again every `repeatInterval`
 * while anything fires. A group with nothing firing and nothing left to report is forgotten.
 */
export function decide(
  state: NotificationGroupState,
  firing: readonly string[],
  now: Date,
  timing: GroupTiming,
): GroupDecision {
  const elapsed = (since: Date) => now.getTime() - since.getTime();
  if (state.lastNotifiedAt === null) {
    if (firing.length === 0) return 'forget';
    return elapsed(state.firstSeenAt) >= timing.groupWaitMs ? 'notify' : 'wait';
  }
  const changed = !sameSet(firing, state.notifiedFiring);
  if (!changed && firing.length === 0) return 'forget';
  const wait = changed ? timing.groupIntervalMs : timing.repeatIntervalMs;
  return elapsed(state.lastNotifiedAt) >= wait ? 'notify' : 'wait';
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}
