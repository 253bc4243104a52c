import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { remoteSettings, ScriptedRemoteServer } from '../../../../../test/support/prediction/remote-fakes.js';
import type { RemoteRuntimeSettings } from '../config/remote-runtime-settings.js';
import { RemoteRefusal, TransientRemoteFailure } from './remote-call-failures.js';
import { CircuitOpen, TargetResilience, type BreakerState } from './target-resilience.js';

function arrange(overrides: Partial<RemoteRuntimeSettings> = {}) {
  const settings = remoteSettings(overrides);
  const server = new ScriptedRemoteServer();
  const seen = { retries: 0, states: [] as BreakerState[] };
  const resilience = new TargetResilience(settings, {
    retried: () => (seen.retries += 1),
    breakerChanged: (state) => seen.states.push(state),
  });
  const call = () => resilience.execute(server.call);
  return { settings, server, seen, resilience, call };
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

/**
 * Stops the clock the breaker reads (Date.now, cockatiel's and the resilience's own), before the
 * resilience is made, for a test that expects an open breaker to refuse: with the clock running, a
 * busy machine let the 100 ms half-open delay pass before the call.
 */
function standingClock(): void {
  jest.useFakeTimers();
}

describe('TargetResilience', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('retries a transient failure with backoff and answers once the server does', async () => {
    const { server, seen, call } = arrange();
    server.failuresFirst = 2;
    const answer = call();
    await expect(answer).resolves.toBe('ok');
    expect(server.attempts).toBe(3);
    expect(seen.retries).toBe(2);
  });

  it('opens after N consecutive failed attempts, then refuses at once without calling the server', async () => {
    standingClock();
    const { server, seen, resilience, call } = arrange({ maxRetries: 0, breakerFailures: 3 });
    server.behaviour = 'fails';
    for (let failure = 0; failure < 3; failure += 1) await expect(call()).rejects.toThrow(TransientRemoteFailure);
    expect(resilience.state).toBe('open');
    expect(resilience.accepting).toBe(false);

    const started = performance.now();
    const refused = await failureOf(call());
    expect(refused).toBeInstanceOf(CircuitOpen);
    expect((refused as CircuitOpen).retryAfterSeconds).toBe(1);
    expect(performance.now() - started).toBeLessThan(remoteSettings().timeoutMs);
    expect(server.attempts).toBe(3);
    expect(seen.states).toEqual(['open']);
  });

  it('opens on a failure ratio over the last calls when failures never run long enough to open it', async () => {
    standingClock();
    const { server, resilience, call } = arrange({
      maxRetries: 0,
      breakerFailures: 3,
      breakerFailureRatio: 0.4,
      breakerWindowCalls: 6,
    });
    // Fails every other call: never three in a row, but more than 40% of the last six.
    for (let round = 0; round < 3; round += 1) {
      server.behaviour = 'answers';
      await call();
      server.behaviour = 'fails';
      await failureOf(call());
    }
    expect(resilience.state).toBe('open');
    expect(await failureOf(call())).toBeInstanceOf(CircuitOpen);
  });

  it('half-opens after its delay, lets one trial call through and closes when it succeeds', async () => {
    const { server, seen, resilience, call } = arrange({ maxRetries: 0, breakerFailures: 2 });
    server.behaviour = 'fails';
    await failureOf(call());
    await failureOf(call());
    expect(resilience.state).toBe('open');

    server.behaviour = 'answers';
    await waitFor(() => resilience.accepting, { what: 'the half-open delay to pass' });
    await expect(call()).resolves.toBe('ok');
    expect(resilience.state).toBe('closed');
    expect(seen.states).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again when the trial call fails', async () => {
    standingClock();
    const { settings, server, resilience, call } = arrange({ maxRetries: 0, breakerFailures: 1 });
    server.behaviour = 'fails';
    await failureOf(call());
    jest.advanceTimersByTime(settings.breakerHalfOpenAfterMs);
    expect(resilience.accepting).toBe(true);

    await expect(call()).rejects.toThrow(TransientRemoteFailure);
    expect(resilience.state).toBe('open');
    expect(await failureOf(call())).toBeInstanceOf(CircuitOpen);
  });

  it('neither retries nor counts a refusal: the server is up and said no', async () => {
    const { server, seen, resilience, call } = arrange({ breakerFailures: 1 });
    server.behaviour = 'refuses';
    for (let call_ = 0; call_ < 3; call_ += 1) await expect(call()).rejects.toThrow(RemoteRefusal);
    expect(server.attempts).toBe(3);
    expect(seen.retries).toBe(0);
    expect(resilience.state).toBe('closed');
  });

  it('ends an attempt at its timeout and counts it as a failure', async () => {
    const { server, resilience, call } = arrange({ timeoutMs: 30, maxRetries: 0, breakerFailures: 1 });
    server.behaviour = 'hangs';

    await expect(call()).rejects.toThrow('no answer within 30 ms');
    expect(resilience.state).toBe('open');
  });

  it('keeps retries within the budget: at most the ratio of calls over the window, plus the minimum', async () => {
    const { server, seen, call } = arrange({
      maxRetries: 3,
      retryBudgetRatio: 0.1,
      retryBudgetMinimum: 2,
      breakerFailures: 10_000,
      breakerWindowCalls: 10_000,
    });
    server.behaviour = 'fails';
    for (let request = 0; request < 100; request += 1) await failureOf(call());

    // Without the budget: 100 calls × 4 attempts. With it: 100 + at most 2 + 10% of 100.
    expect(seen.retries).toBeLessThanOrEqual(12);
    expect(seen.retries).toBeGreaterThanOrEqual(10);
    expect(server.attempts).toBe(100 + seen.retries);
  });
});
