import { describe, expect, it } from '@jest/globals';
import type { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import type { TaskQueue } from '../ports/task-queue.js';
import type { RunAdmission } from './run-admission.js';
import { ImmediateRunTransaction } from '../../../../../test/support/workflow-engine/in-memory-activation-stores.js';
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

function world(enqueue: () => Promise<void> = () => Promise.resolve()) {
  const transaction = new RecordingTransaction();
  const run = { state: 'running', pinned: { workflowId: 'workflow-1' } } as unknown as WorkflowRun;
  let saves = 0;
  const runs = {
    findForUpdate: () => Promise.resolve(run),
    save: () => {
      saves += 1;
      return Promise.resolve();
    },
  } as unknown as WorkflowRunRepository;
  const queue = { enqueue } as unknown as TaskQueue;
  const clock = { now: () => new Date(0) };
  const changes = new RunChanges(transaction, runs, queue, clock, {} as RunAdmission);
  return { transaction, changes, saves: () => saves };
}

/** A change that records its name in the transaction it runs in and answers it. */
const named = (transaction: RecordingTransaction, name: string) => (): RunChange<string> => {
  transaction.current.push(name);
  return { dispatches: [], value: name };
};

describe('RunChanges', () => {
  it('applies the changes that arrive while one is in flight together, in one transaction', async () => {
    const { transaction, changes, saves } = world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply('run-1', named(transaction, 'a'));
    await Promise.resolve();
    const rest = ['b', 'c', 'd'].map((name) => changes.apply('run-1', named(transaction, name)));
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['a', 'b', 'c', 'd']);
    expect(transaction.transactions).toEqual([['a'], ['b', 'c', 'd']]);
    expect(saves()).toBe(2);
  });

  it('keeps runs apart: a change of another run does not wait for one in flight', async () => {
    const { transaction, changes } = world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const held = changes.apply('run-1', named(transaction, 'a'));
    await Promise.resolve();
    transaction.hold = undefined;
    expect(await changes.apply('run-2', named(transaction, 'x'))).toBe('x');
    release();
    expect(await held).toBe('a');
  });

  it('gives a refused change its own error, and the others of its group their values', async () => {
    const { transaction, changes } = world();
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply('run-1', named(transaction, 'a'));
    await Promise.resolve();
    const stale = changes.apply('run-1', () => {
      throw new Error('stale attempt');
    });
    const fine = changes.apply('run-1', named(transaction, 'b'));
    release();
    await expect(stale).rejects.toThrow('stale attempt');
    expect(await Promise.all([first, fine])).toEqual(['a', 'b']);
    // The group rolled back (never committed), then b went alone.
    expect(transaction.transactions).toEqual([['a'], ['b']]);
  });

  it('does not apply a committed group again when enqueueing after the commit fails', async () => {
    let failing = false;
    const { transaction, changes } = world(() =>
      failing ? Promise.reject(new Error('redis down')) : Promise.resolve(),
    );
    let release!: () => void;
    transaction.hold = new Promise((resolve) => (release = resolve));
    const first = changes.apply('run-1', named(transaction, 'a'));
    await Promise.resolve();
    const grouped = ['b', 'c'].map((name) => changes.apply('run-1', named(transaction, name)));
    await Promise.resolve();
    failing = true;
    release();
    await expect(first).rejects.toThrow('redis down');
    for (const call of grouped) await expect(call).rejects.toThrow('redis down');
    expect(transaction.transactions).toEqual([['a'], ['b', 'c']]);
  });
});
