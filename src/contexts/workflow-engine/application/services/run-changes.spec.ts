import { describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { aStartedRun, aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ImmediateRunTransaction } from '../../../../../test/support/workflow-engine/immediate-run-transaction.js';
import { RunChanges, type RunChange } from './run-changes.js';

/** A transaction whose commit can be held, and which records what each one saw. */
class RecordingTransaction extends ImmediateRunTransaction {
  readonly transactions: string[][] = [];
  current: string[] = [];
  hold?: Promise<void>;

  override async run<T>(work: () => Promise<T>): Promise<T> {
    const hold = this.hold;
    this.current = [];
    const result = await work();
    await hold;
    this.transactions.push(this.current);
    return result;
  }
}

/** Two running runs over the fakes, changed through a transaction that records and can hold its commits. */
async function world() {
  const ports = fakeEnginePorts();
  const workflow = await aWorkflow(ports, { name: 'w', tasks: [{ id: 'a', type: 'noop' }] });
  const [first, second] = [await aStartedRun(ports, workflow), await aStartedRun(ports, workflow)];
  const transaction = new RecordingTransaction();
  const { admission } = engineServices(ports);
  const changes = new RunChanges(transaction, ports.runs, ports.queue, ports.clock, admission);
  return {
    transaction,
    changes,
    queue: ports.queue,
    runs: ports.runs,
    saves: () => ports.runs.saves,
    runIds: [first.runId, second.runId],
  };
}

/** A change that records its name in the transaction it runs in and answers it. */
const named = (transaction: RecordingTransaction, name: string) => (): RunChange<string> => {
  transaction.current.push(name);
  return { dispatches: [], value: name };
};

describe('RunChanges', () => {
  it('applies the changes that arrive while one is in flight together, in one transaction', async () => {
    const { transaction, changes, saves, runIds } = await world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply(runIds[0], named(transaction, 'a'));
    await Promise.resolve();
    const rest = ['b', 'c', 'd'].map((name) => changes.apply(runIds[0], named(transaction, name)));
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['a', 'b', 'c', 'd']);
    expect(transaction.transactions).toEqual([['a'], ['b', 'c', 'd']]);
    expect(saves()).toBe(2);
  });

  it('keeps runs apart: a change of another run does not wait for one in flight', async () => {
    const { transaction, changes, runIds } = await world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const held = changes.apply(runIds[0], named(transaction, 'a'));
    await Promise.resolve();
    transaction.hold = undefined;
    expect(await changes.apply(runIds[1], named(transaction, 'x'))).toBe('x');
    release();
    expect(await held).toBe('a');
  });

  it('gives a refused change its own error, and the others of its group their values', async () => {
    const { transaction, changes, runIds } = await world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply(runIds[0], named(transaction, 'a'));
    await Promise.resolve();
    const stale = changes.apply(runIds[0], () => {
      throw new Error('stale attempt');
    });
    const fine = changes.apply(runIds[0], named(transaction, 'b'));
    release();
    await expect(stale).rejects.toThrow('stale attempt');
    expect(await Promise.all([first, fine])).toEqual(['a', 'b']);
    // The group rolled back (never committed), then b went alone.
    expect(transaction.transactions).toEqual([['a'], ['b']]);
  });

  it('commits the next group while the jobs of the one before are being enqueued', async () => {
    const { transaction, changes, queue, runIds } = await world();
    let release!: () => void;
    queue.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply(runIds[0], named(transaction, 'a'));
    await Promise.resolve();
    const second = changes.apply(runIds[0], named(transaction, 'b'));
    await waitFor(() => transaction.transactions.length === 2, { what: "b's commit" });
    expect(transaction.transactions).toEqual([['a'], ['b']]);
    release();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
  });

  it('does not apply a committed group again when enqueueing after the commit fails', async () => {
    const { transaction, changes, queue, runIds } = await world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply(runIds[0], named(transaction, 'a'));
    await Promise.resolve();
    const grouped = ['b', 'c'].map((name) => changes.apply(runIds[0], named(transaction, name)));
    await Promise.resolve();
    queue.failing = true;
    release();
    await expect(first).rejects.toThrow('the queue is unreachable');
    for (const call of grouped) await expect(call).rejects.toThrow('the queue is unreachable');
    expect(transaction.transactions).toEqual([['a'], ['b', 'c']]);
  });

  it('lets a look at a run see the run its change in flight works on, without waiting for the commit', async () => {
    const { transaction, changes, runIds } = await world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    let changed: unknown;
    const held = changes.apply(runIds[0], (run): RunChange<string> => {
      changed = run;
      return { dispatches: [], value: 'a' };
    });
    await waitFor(() => changed !== undefined, { what: 'the change to be applied' });
    expect(changes.peek(runIds[0], (run) => run)).toBe(changed);
    // Another run has no change in flight, and the fake repository keeps no committed runs.
    expect(changes.peek(runIds[1], (run) => run)).toBeUndefined();
    release();
    expect(await held).toBe('a');
    expect(changes.peek(runIds[0], (run) => run)).toBeUndefined();
  });

  it('lets a commit skip the WAL flush wait only when every change of its group may be lost', async () => {
    const { transaction, changes, runs, runIds } = await world();
    const mayBeLost = (): RunChange<string> => ({ dispatches: [], value: 'start', mayBeLost: true });
    await changes.apply(runIds[0], mayBeLost);
    expect(runs.unflushedSaves).toBe(1);

    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply(runIds[0], mayBeLost);
    await Promise.resolve();
    const group = [changes.apply(runIds[0], mayBeLost), changes.apply(runIds[0], named(transaction, 'outcome'))];
    release();
    await Promise.all([first, ...group]);
    expect(transaction.transactions.length).toBe(3);
    expect(runs.unflushedSaves).toBe(2);
  });
});
