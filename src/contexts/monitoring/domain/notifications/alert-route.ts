import { newId, ValidationError, type FieldProblem } from '@libs/ddd';
import { parseDuration } from '../alerts/duration.js';
import type { Labels } from '../alerts/labels.js';
import type { WebhookUrlPolicy } from '../webhooks/webhook-url.policy.js';
import { matchesAll, parseMatchers, type Matcher } from './matcher.js';
import { parseReceivers, type ListedReceiver, type Receiver } from './receiver.js';

/** Alertmanager's defaults. */
const DEFAULTS = { groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' };
const MAX_GROUP_BY = 10;

export interface GroupTiming {
  readonly groupWaitMs: number;
  readonly groupIntervalMs: number;
  readonly repeatIntervalMs: number;
}

/**
 * A route of a project's alerts: those its matchers match go, grouped by `groupBy`, to its receivers.
 * Routes are a flat list, each one checked (Alertmanager's child routes with `continue: true`).
 */
export interface AlertRoute extends GroupTiming {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly matchers: readonly Matcher[];
  readonly receivers: readonly Receiver[];
  readonly groupBy: readonly string[];
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** A route as its project reads it back: a receiver whose secret cannot be read is listed without it. */
export interface ListedAlertRoute extends Omit<AlertRoute, 'receivers'> {
  readonly receivers: readonly ListedReceiver[];
}

export interface NewAlertRoute {
  readonly projectId: string;
  readonly name: string;
  readonly matchers?: unknown;
  readonly receivers: unknown;
  readonly groupBy?: readonly string[];
  readonly groupWait?: string;
  readonly groupInterval?: string;
  readonly repeatInterval?: string;
  readonly createdBy: string;
  readonly at: Date;
}

export class AlertRouteInvalid extends ValidationError {
  constructor(problems: readonly FieldProblem[]) {
    super(
      `The alert route is invalid: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
      problems,
      'alert-route-invalid',
    );
  }
}

export function createAlertRoute(input: NewAlertRoute, urls: WebhookUrlPolicy): AlertRoute {
  const matched = parseMatchers('matchers', input.matchers ?? []);
  const routed = parseReceivers(input.receivers, urls);
  const problems = [...matched.problems, ...routed.problems];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) problems.push({ field: 'name', message: 'must be 1 to 200 characters' });
  const groupBy = input.groupBy ?? [];
  if (groupBy.length > MAX_GROUP_BY || groupBy.some((label) => !/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/.test(label))) {
    problems.push({ field: 'groupBy', message: `must list at most ${MAX_GROUP_BY} label names` });
  }
  const timing = (field: keyof typeof DEFAULTS): number => {
    const ms = parseDuration(input[field] ?? DEFAULTS[field]);
    if (ms === undefined || ms > 7 * 86_400_000) problems.push({ field, message: 'must be a duration of at most 7d' });
    return ms ?? 0;
  };
  const route: AlertRoute = {
    id: newId(),
    projectId: input.projectId,
    name,
    matchers: matched.matchers,
    receivers: routed.receivers,
    groupBy: [...new Set(groupBy)],
    groupWaitMs: timing('groupWait'),
    groupIntervalMs: timing('groupInterval'),
    repeatIntervalMs: timing('repeatInterval'),
    createdBy: input.createdBy,
    createdAt: input.at,
  };
  if (route.repeatIntervalMs === 0) problems.push({ field: 'repeatInterval', message: 'must be longer than 0s' });
  if (problems.length > 0) throw new AlertRouteInvalid(problems);
  return route;
}

export function routes(route: AlertRoute, labels: Labels): boolean {
  return matchesAll(route.matchers, labels);
}

/** The group an alert falls in: the values of the route's `groupBy` labels. */
export function groupOf(route: AlertRoute, labels: Labels): { key: string; labels: Labels } {
  const groupLabels = Object.fromEntries(route.groupBy.map((name) => [name, labels[name] ?? '']));
  return { key: JSON.stringify(route.groupBy.map((name) => groupLabels[name])), labels: groupLabels };
}
