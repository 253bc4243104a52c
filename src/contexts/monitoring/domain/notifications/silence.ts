import { newId } from '@libs/ddd';
import type { Labels } from '../alerts/labels.js';
import { SilenceInvalid } from '../alerts/errors.js';
import { matchesAll, parseMatchers, type Matcher } from './matcher.js';

const MAX_LENGTH_MS = 366 * 86_400_000;

export interface Silence {
  readonly id: string;
  readonly projectId: string;
  readonly matchers: readonly Matcher[];
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly comment: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface NewSilence {
  readonly projectId: string;
  readonly matchers: unknown;
  readonly startsAt?: Date;
  readonly endsAt: Date;
  readonly comment?: string;
  readonly createdBy: string;
  readonly at: Date;
}

/** A silence mutes the notifications of matching alerts in its window; at least one matcher, so it never mutes all. */
export function createSilence(input: NewSilence): Silence {
  const { matchers, problems } = parseMatchers('matchers', input.matchers);
  if (problems.length === 0 && matchers.length === 0)
    problems.push({ field: 'matchers', message: 'must not be empty' });
  const startsAt = input.startsAt ?? input.at;
  if (input.endsAt <= startsAt) problems.push({ field: 'endsAt', message: 'must be after startsAt' });
  if (input.endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) {
    problems.push({ field: 'endsAt', message: 'must be within a year of startsAt' });
  }
  if (problems.length > 0) throw new SilenceInvalid(problems);
  return {
    id: newId(),
    projectId: input.projectId,
    matchers,
    startsAt,
    endsAt: input.endsAt,
    comment: (input.comment ?? '').slice(0, 1000),
    createdBy: input.createdBy,
    createdAt: input.at,
  };
}

export function silences(silence: Silence, labels: Labels, at: Date): boolean {
  return silence.startsAt <= at && at < silence.endsAt && matchesAll(silence.matchers, labels);
}
