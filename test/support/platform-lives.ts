import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor, type AppProcess, type Exit } from '@libs/testing';
import type { NewUser } from '../e2e/user-management/auth-client.js';
import { clientOf, startPlatform } from './workflow-platform.js';

/**
 * The platform's successive processes in a test that kills it: one process at a time, each started
 * with the test's settings; requests made while one is down wait for the next one to be ready.
 */
export class PlatformLives {
  readonly all: AppProcess[] = [];
  private waiting: (() => void)[] = [];

  constructor(private readonly env: Record<string, string>) {}

  get current(): AppProcess {
    return this.all[this.all.length - 1];
  }

  /**
   * Starts the next process. One armed with a crash point may die before it is ready (jobs left by
   * the previous one run as soon as its workers start); requests wait for a process that is ready.
   */
  async start(env: Record<string, string>, { mayDieStarting = false } = {}): Promise<AppProcess> {
    const app = await startPlatform({ ...this.env, ...env }, { waitUntilReady: false });
    this.all.push(app);
    const ready = await app.waitUntilReady().then(
      () => true,
      (error: Error) => {
        if (mayDieStarting && app.child.signalCode === 'SIGKILL') return false;
        throw error;
      },
    );
    if (ready) for (const wake of this.waiting.splice(0)) wake();
    return app;
  }

  /**
   * Starts a run as a real client would: retrying under the same Idempotency-Key until some process
   * answers, so a run whose creation a crash cut short is not started twice.
   */
  async startRun(owner: NewUser, workflowId: string, key: string, params: object): Promise<string> {
    for (;;) {
      const app = this.current;
      const answer = await clientOf(owner, app)
        .withHeaders({ 'idempotency-key': key })
        .call('POST', `/api/v1/workflows/${workflowId}/runs`, { params })
        .catch(() => undefined);
      if (answer?.status === 200 || answer?.status === 201) return answer.body.id as string;
      if (answer !== undefined && answer.status < 500) throw new Error(`${key}: ${JSON.stringify(answer.body)}`);
      await this.after(app);
    }
  }

  killAll(): Promise<unknown> {
    return Promise.all(this.all.map((app) => app.kill()));
  }

  /** Resolves once `app` is no longer the current process (it died and the next one is up). */
  private async after(app: AppProcess): Promise<void> {
    const alive = app.child.exitCode === null && app.child.signalCode === null;
    if (this.current !== app) return;
    // Alive yet refusing: give it a moment rather than spinning on it.
    if (alive) await sleep(100);
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

/** How `app` ended, once it has; `what` names what should have ended it, for the timeout's message. */
export async function exitOf(app: AppProcess, what: string): Promise<Exit> {
  let exit: Exit | undefined;
  void app.exited.then((value) => (exit = value));
  return waitFor(() => exit, { timeoutMs: 30_000, intervalMs: 50, what });
}
