import { describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import type { GatewaySettings } from '../gateway-settings.js';
import { UpstreamBreaker, UpstreamCircuitOpen, type BreakerState } from './upstream-breaker.js';

const SETTINGS = {
  breakerFailureRatio: 0.5,
  breakerWindowCalls: 10,
  breakerMinimumCalls: 4,
  breakerHalfOpenAfterMs: 5000,
} as const satisfies Partial<GatewaySettings>;

function breaker() {
  let now = 1_000_000;
  const transitions: [BreakerState, BreakerState][] = [];
  const subject = new UpstreamBreaker(
    SETTINGS as GatewaySettings,
    (from, to) => transitions.push([from, to]),
    () => now,
  );
  return { subject, transitions, advance: (ms: number) => (now += ms) };
}

const fail = () => Promise.reject(new Error('connection refused'));
const succeed = () => Promise.resolve('ok');

describe('UpstreamBreaker', () => {
  it('opens after as many consecutive failures as the minimum, then refuses at once with Retry-After', async () => {
    const { subject, transitions, advance } = breaker();
    for (let call = 0; call < 4; call += 1) await expect(subject.execute(fail)).rejects.toThrow('connection refused');
    expect(subject.state).toBe('open');
    expect(subject.accepting).toBe(false);
    advance(1200);
    const refusal = await subject.execute(succeed).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UpstreamCircuitOpen);
    expect((refusal as UpstreamCircuitOpen).retryAfterSeconds).toBe(4);
    expect(transitions).toEqual([['closed', 'open']]);
  });

  it('opens on a failure ratio over the window of calls, not only on a run of failures', async () => {
    const { subject } = breaker();
    for (let call = 0; call < 6; call += 1) {
      await subject.execute(succeed);
      await subject.execute(fail).catch(() => undefined);
      await subject.execute(fail).catch(() => undefined);
      if (subject.state === 'open') break;
    }
    expect(subject.state).toBe('open');
  });

  it('lets one probe through once half-open, and closes when it succeeds', async () => {
    // cockatiel keeps its own clock: a real, short delay before the probe.
    const transitions: [BreakerState, BreakerState][] = [];
    const settings = { ...SETTINGS, breakerHalfOpenAfterMs: 30 } as GatewaySettings;
    const subject = new UpstreamBreaker(settings, (from, to) => transitions.push([from, to]));
    for (let call = 0; call < 4; call += 1) await subject.execute(fail).catch(() => undefined);
    await waitFor(() => subject.accepting, { what: 'the half-open delay to pass' });
    let release: (value: string) => void = () => undefined;
    const answer = new Promise<string>((resolve) => (release = resolve));
    const probe = subject.execute(() => answer);
    await expect(subject.execute(succeed)).rejects.toBeInstanceOf(UpstreamCircuitOpen);
    release('ok');
    await expect(probe).resolves.toBe('ok');
    expect(subject.state).toBe('closed');
    expect(transitions).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });
});
