import type { RemoteRuntimeSettings } from '../../../src/contexts/prediction/infrastructure/config/remote-runtime-settings.js';
import {
  RemoteRefusal,
  TransientRemoteFailure,
} from '../../../src/contexts/prediction/infrastructure/remote/remote-call-failures.js';
import {
  RemoteCallMetrics,
  type RemoteCallLabels,
  type RemoteCallOutcome,
} from '../../../src/contexts/prediction/infrastructure/remote/remote-call-metrics.js';
import type { BreakerState } from '../../../src/contexts/prediction/infrastructure/remote/target-resilience.js';

/** Settings for specs: short delays, a breaker of 3 failures; override what a spec is about. */
export function remoteSettings(overrides: Partial<RemoteRuntimeSettings> = {}): RemoteRuntimeSettings {
  return {
    timeoutMs: 2_000,
    maxRetries: 2,
    retryInitialBackoffMs: 1,
    retryMaxBackoffMs: 5,
    retryBudgetRatio: 0.1,
    retryBudgetMinimum: 100,
    retryBudgetWindowMs: 10_000,
    breakerFailures: 3,
    breakerFailureRatio: 0.5,
    breakerWindowCalls: 10,
    breakerHalfOpenAfterMs: 100,
    maxResponseBytes: 1024 * 1024,
    ...overrides,
  };
}

export type ServerBehaviour = 'answers' | 'fails' | 'refuses' | 'hangs';

/**
 * A remote server as one function: answers 'ok', fails (a transient failure), refuses, or hangs
 * until the attempt's signal ends it. Counts the attempts that reached it.
 */
export class ScriptedRemoteServer {
  attempts = 0;
  behaviour: ServerBehaviour = 'answers';
  /** Attempts that fail before the behaviour applies. */
  failuresFirst = 0;

  call = (signal: AbortSignal): Promise<string> => {
    this.attempts += 1;
    if (this.attempts <= this.failuresFirst) return Promise.reject(new TransientRemoteFailure('connection reset'));
    switch (this.behaviour) {
      case 'answers':
        return Promise.resolve('ok');
      case 'fails':
        return Promise.reject(new TransientRemoteFailure('connection refused'));
      case 'refuses':
        return Promise.reject(new RemoteRefusal('400 bad input'));
      case 'hangs':
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }
  };
}

export class RecordingRemoteCallMetrics extends RemoteCallMetrics {
  readonly calls: { labels: RemoteCallLabels; outcome: RemoteCallOutcome }[] = [];
  readonly retries: RemoteCallLabels[] = [];
  readonly states: BreakerState[] = [];

  called(labels: RemoteCallLabels, outcome: RemoteCallOutcome): void {
    this.calls.push({ labels, outcome });
  }

  retried(labels: RemoteCallLabels): void {
    this.retries.push(labels);
  }

  breakerChanged(_labels: RemoteCallLabels, state: BreakerState): void {
    this.states.push(state);
  }
}

/** An invoker of any kind whose server follows a ScriptedRemoteServer; answers one tensor. */
export class ScriptedInvoker {
  constructor(readonly server = new ScriptedRemoteServer()) {}

  invoke = async ({ signal }: { signal: AbortSignal }) => {
    await this.server.call(signal);
    return [{ name: 'y', datatype: 'FP32' as const, shape: [1], data: [1] }];
  };
}
