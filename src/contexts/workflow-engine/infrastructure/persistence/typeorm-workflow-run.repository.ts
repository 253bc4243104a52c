import { ConcurrencyError } from '@libs/ddd';
import { Outbox, OutboxDoorbell } from '@libs/messaging';
import { Injectable } from '@nestjs/common';
import type { WorkflowEngineEvents } from '../../contracts/events.js';
import { IdempotencyKeyTaken } from '../../domain/errors.js';
import type { RunEvent } from '../../domain/run/run-events.js';
import { WorkflowRunRepository, type ActiveRun, type SaveOptions } from '../../domain/run/workflow-run.repository.js';
import { WorkflowRun } from '../../domain/run/workflow-run.js';
import { RunOrmEntity } from './run.orm-entity.js';
import { RunMetrics } from '../metrics/run-metrics.js';
import { RunCancellations } from '../queue/run-cancellations.js';
import { CommittedRuns } from './committed-runs.js';
import { integrationEventsOf } from './run-integration-events.js';
import * as sql from './run-rows.sql.js';
import { queryPrepared, type PreparedStatement } from './prepared-statements.js';
import { SavedRuns } from './saved-runs.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';
import { VersionSpecs } from './version-specs.js';
import { WorkflowVersionOrmEntity } from './workflow.orm-entity.js';
import { toRunSnapshot, type RunRow, type TaskRunRow, type TransitionRow } from './workflow-run.mapper.js';

/** The statements of a change, prepared once per connection under names of this repository. */
const prepared = (name: string, text: string): PreparedStatement => ({ name: `workflow-engine.run.${name}`, text });
const SELECT_RUN_FOR_UPDATE = prepared('select-for-update', sql.SELECT_RUN_FOR_UPDATE);

/**
 * Runs as rows of `runs`, `task_runs` and the append-only `transitions`. A save writes only what
 * changed since the run was loaded (SavedRuns remembers it), bumps the run's version if it is still
 * the one loaded, and puts the change's task log lines and the run's events in the outbox, all in one
 * statement: of the caller's transaction when one is open, committed on its own otherwise. A load whose row version matches the run this process last
 * committed takes that run instead of reading its task runs (CommittedRuns).
 */
@Injectable()
export class TypeOrmWorkflowRunRepository extends WorkflowRunRepository {
  private readonly outbox = new Outbox<WorkflowEngineEvents>('workflow-engine', 'workflow_engine');
  private readonly statements = {
    change: prepared('change', sql.saveChange()),
    changeUnflushed: prepared('change-unflushed', sql.saveChange({ unflushed: true })),
    changeWithEvents: prepared(
      'change-with-events',
      sql.saveChange({ outboxInsert: (parameter) => this.outbox.insertFrom(parameter) }),
    ),
    changeWithEventsUnflushed: prepared(
      'change-with-events-unflushed',
      sql.saveChange({ outboxInsert: (parameter) => this.outbox.insertFrom(parameter), unflushed: true }),
    ),
    newRun: sql.saveNewRunRows(),
    newRunWithEvents: sql.saveNewRunRows((parameter) => this.outbox.insertFrom(parameter)),
  };
  private readonly saved = new SavedRuns();

  constructor(
    private readonly transaction: TypeOrmRunTransaction,
    private readonly specs: VersionSpecs,
    private readonly committed: CommittedRuns,
    private readonly metrics: RunMetrics,
    private readonly cancellations: RunCancellations,
    private readonly doorbell: OutboxDoorbell,
  ) {
    super();
  }

  async findById(runId: string): Promise<WorkflowRun | undefined> {
    const [row] = await this.transaction.manager().query<RunRow[]>(sql.SELECT_RUN, [runId]);
    if (row === undefined) return undefined;
    return this.committed.copyAt(runId, row.version) ?? this.restore(row);
  }

  async findForUpdate(runId: string): Promise<WorkflowRun | undefined> {
    // Reports about one run wait here for each other instead of failing on the version check.
    const [row] = await queryPrepared<RunRow>(this.transaction.manager(), SELECT_RUN_FOR_UPDATE, [runId]);
    if (row === undefined) return undefined;
    const run = this.committed.take(runId, row.version) ?? (await this.restore(row));
    // Saved or not, the run as this transaction leaves it is the committed one; a rollback drops it.
    this.transaction.afterCommit(() => this.committed.keep(run, run.version));
    return run;
  }

  takeCommitted(runId: string): WorkflowRun | undefined {
    return this.committed.takeLatest(runId);
  }

  giveBack(run: WorkflowRun): void {
    this.committed.keep(run, run.version);
  }

  async isLatest(run: WorkflowRun): Promise<boolean> {
    const [row] = await this.transaction
      .manager()
      .query<{ version: number }[]>('SELECT version FROM workflow_engine.runs WHERE id = $1', [run.id]);
    return row?.version === run.version;
  }

  peekCommitted(runId: string): WorkflowRun | undefined {
    return this.committed.peek(runId);
  }

  private async restore(run: RunRow): Promise<WorkflowRun> {
    const manager = this.transaction.manager();
    const taskRuns = await manager.query<TaskRunRow[]>(sql.SELECT_TASK_RUNS, [run.id]);
    const transitions = await manager.query<TransitionRow[]>(sql.SELECT_TRANSITIONS, [run.id]);
    const spec = await this.specs.of(run.workflow_id, run.workflow_version, async () => {
      const version = await manager.findOneByOrFail(WorkflowVersionOrmEntity, {
        workflowId: run.workflow_id,
        number: run.workflow_version,
      });
      return version.document;
    });
    // Task runs in definition order, fan-out items after their task, as the run made them.
    const order = new Map(spec.tasks.map((task, index) => [task.id, index]));
    taskRuns.sort(
      (a, b) => order.get(a.task_id)! - order.get(b.task_id)! || (a.item_index ?? -1) - (b.item_index ?? -1),
    );
    const pinned = { workflowId: run.workflow_id, version: run.workflow_version, projectId: run.project_id, spec };
    const restored = WorkflowRun.restore(pinned, toRunSnapshot(run, taskRuns, transitions), run.version);
    this.saved.remember(restored);
    return restored;
  }

  findActive(workflowId: string): Promise<ActiveRun[]> {
    // UUIDv7 ids sort by creation: oldest first.
    return this.transaction.manager().query<ActiveRun[]>(
      `SELECT id, state FROM workflow_engine.runs
         WHERE workflow_id = $1 AND state IN ('queued', 'running', 'paused') ORDER BY id`,
      [workflowId],
    );
  }

  async workflowsWithQueuedRuns(): Promise<string[]> {
    const rows = await this.transaction
      .manager()
      .query<{ workflow_id: string }[]>("SELECT DISTINCT workflow_id FROM workflow_engine.runs WHERE state = 'queued'");
    return rows.map((row) => row.workflow_id);
  }

  async findIdByIdempotencyKey(workflowId: string, key: string): Promise<string | undefined> {
    const row = await this.transaction.manager().findOne(RunOrmEntity, {
      select: { id: true },
      where: { workflowId, idempotencyKey: key },
    });
    return row?.id;
  }

  async save(run: WorkflowRun, { idempotencyKey, logs = [], mayBeLost = false }: SaveOptions = {}): Promise<void> {
    const events = run.pullEvents() as RunEvent[];
    const publishes = integrationEventsOf(run, events);
    const changes = this.saved.changesOf(run);
    // Until this commits, a run kept from before may be behind or ahead of the database: nobody may take it.
    this.committed.forget(run.id);
    // A change of a stored run is one statement, which commits on its own when no transaction is open
    // (it writes nothing when the version check fails, outbox rows included); a new run needs a transaction.
    const onItsOwn = run.version > 0 && !this.transaction.active();
    const write = async () => {
      const manager = this.transaction.manager();
      const now = new Date();
      const outbox =
        publishes.length === 0
          ? undefined
          : onItsOwn
            ? this.outbox.stagedForOwnCommit(publishes)
            : this.outbox.staged(manager, publishes);
      const rows = [
        JSON.stringify(changes.taskRuns),
        JSON.stringify(changes.transitions),
        JSON.stringify(
          logs.flatMap(({ key, attempt, lines, level }) => lines.map((line) => ({ key, attempt, line, level }))),
        ),
        ...(outbox === undefined ? [] : [outbox.json]),
      ];
      if (run.version === 0) {
        await this.insert(run, now, idempotencyKey);
        await manager.query(outbox ? this.statements.newRunWithEvents : this.statements.newRun, [run.id, ...rows]);
      } else {
        const statement = this.changeStatement(outbox !== undefined, mayBeLost);
        const values = [run.id, run.state, now, run.version, ...rows];
        const [{ updated }] = await queryPrepared<{ updated: number }>(manager, statement, values);
        if (updated !== 1) throw new ConcurrencyError('workflow run', run.id);
      }
      const version = run.version + 1;
      this.transaction.afterCommit(() => {
        this.committed.keep(run, version);
        this.metrics.committed(run, events, now);
        if (events.some((event) => event.name === 'run-cancelled')) this.cancellations.announce(run.id);
      });
    };
    if (!onItsOwn) await this.transaction.run(write);
    else {
      await write();
      if (publishes.length > 0) await this.doorbell.ring([this.outbox.schema], this.transaction.manager());
    }
    run.markSaved();
    this.saved.remember(run, changes.written);
  }

  private changeStatement(withEvents: boolean, unflushed: boolean): PreparedStatement {
    if (!withEvents) return unflushed ? this.statements.changeUnflushed : this.statements.change;
    return unflushed ? this.statements.changeWithEventsUnflushed : this.statements.changeWithEvents;
  }

  private async insert(run: WorkflowRun, now: Date, idempotencyKey: string | undefined): Promise<void> {
    const { workflowId, version, projectId } = run.pinned;
    const snapshot = run.toSnapshot();
    const values = [run.id, workflowId, version, projectId, run.state];
    const json = [JSON.stringify(snapshot.params), JSON.stringify(snapshot.trigger)];
    const rest = [snapshot.rerunOf ?? null, idempotencyKey ?? null, snapshot.createdAt, now, snapshot.actorId ?? null];
    const inserted = await this.transaction.manager().query<unknown[]>(sql.INSERT_RUN, [...values, ...json, ...rest]);
    // Only the idempotency key can conflict: the id is new. The other request's run is the answer.
    if (inserted.length === 0) throw new IdempotencyKeyTaken(workflowId, idempotencyKey!);
  }
}
