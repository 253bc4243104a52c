import { describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { OutboundBreaker, OutboundCircuitOpen, type BreakerSettings, type BreakerState } from './outbound-breaker.js';

const SETTINGS: BreakerSettings = {
  consecutiveFailures: 4,
  failureRatio: 0.5,
  windowCalls: 10,
  minimumCalls: 4,
  halfOpenAfterMs: 5000,
};

class Refused extends Error {}

function arrange(settings: Partial<BreakerSettings> = {}, clock?: { now: number }) {
  const transitions: [BreakerState, BreakerState][] = [];
  let calls = 0;
  const breaker = new OutboundBreaker({
    settings: { ...SETTINGS, ...settings },
    isFailure: (error) => !(error instanceof Refused),
    changed: (from, to) => transitions.push([from, to]),
    now: clock ? () => clock.now : undefined,
  });
  const counted =
    <T>(work: () => Promise<T>) =>
    () => {
      calls += 1;
      return work();
    };
  const fail = counted(() => Promise.reject(new Error('connection refused')));
  const succeed = counted(() => Promise.resolve('ok'));
  const refuse = counted(() => Promise.reject(new Refused('not found')));
  return { breaker, transitions, fail, succeed, refuse, calls: () => calls };
}

const outcome = (work: Promise<unknown>) =>
  work.then(
    () => 'ok',
    (error: unknown) => error,
  );

describe('OutboundBreaker', () => {
  it('opens after the consecutive failures and refuses at once, without calling, with Retry-After', async () => {
    const clock = { now: 1_000_000 };
    const { breaker, transitions, fail, succeed, calls } = arrange({}, clock);
    for (let call = 0; call < 4; call += 1) await expect(breaker.execute(fail)).rejects.toThrow('connection refused');
    expect(breaker.state).toBe('open');
    expect(breaker.accepting).toBe(false);

    clock.now += 1200;
    const refusal = await outcome(breaker.execute(succeed));
    expect(refusal).toBeInstanceOf(OutboundCircuitOpen);
    expect((refusal as OutboundCircuitOpen).retryAfterSeconds).toBe(4);
    expect(breaker.nextAttemptAt).toBe(clock.now + 3800);
    expect(calls()).toBe(4);
    expect(transitions).toEqual([['closed', 'open']]);
  });

  it('opens on the failure ratio over the window when failures never run long enough', async () => {
    const { breaker, fail, succeed } = arrange({ consecutiveFailures: 100 });
    for (let round = 0; round < 6 && breaker.state === 'closed'; round += 1) {
      await breaker.execute(succeed);
      await outcome(breaker.execute(fail));
      await outcome(breaker.execute(fail));
    }
    expect(breaker.state).toBe('open');
  });

  it('counts only the errors that are the dependency failing', async () => {
    const { breaker, refuse } = arrange({ consecutiveFailures: 2 });
    for (let call = 0; call < 5; call += 1) await expect(breaker.execute(refuse)).rejects.toBeInstanceOf(Refused);
    expect(breaker.state).toBe('closed');
  });

  it('lets a single probe through once the delay passed, refusing the rest, and closes when it succeeds', async () => {
    const { breaker, transitions, fail, succeed, calls } = arrange({ halfOpenAfterMs: 30 });
    for (let call = 0; call < 4; call += 1) await outcome(breaker.execute(fail));
    await waitFor(() => breaker.accepting, { what: 'the half-open delay to pass' });

    let release: (value: string) => void = () => undefined;
    const probe = breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    expect(breaker.state).toBe('half-open');
    expect(breaker.accepting).toBe(false);
    expect(await outcome(breaker.execute(succeed))).toBeInstanceOf(OutboundCircuitOpen);
    expect(calls()).toBe(4);
    release('ok');
    await expect(probe).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(transitions).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });

  it('opens again when the probe fails', async () => {
    const { breaker, transitions, fail, succeed } = arrange({ consecutiveFailures: 1, halfOpenAfterMs: 30 });
    await outcome(breaker.execute(fail));
    await waitFor(() => breaker.accepting, { what: 'the half-open delay to pass' });

    await expect(breaker.execute(fail)).rejects.toThrow('connection refused');
    expect(breaker.state).toBe('open');
    expect(await outcome(breaker.execute(succeed))).toBeInstanceOf(OutboundCircuitOpen);
    expect(transitions.at(-1)).toEqual(['half-open', 'open']);
  });
});
