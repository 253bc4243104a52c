import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import type { DataPipelineEvents, PipelineRunPayload } from '../../contracts/events.js';
import { edgeFrom, type LineageEdge } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { LineageNodeRef } from '../../domain/lineage/lineage-node.js';
import type { PipelineRun, RunOutput, StepProgress } from '../../domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';
import { PipelineRunLog, type PipelineRunLogLine } from '../ports/pipeline-run-log.js';
import { Transaction } from '../ports/transaction.js';
import type { OpenLineageEventType } from '../../domain/lineage/openlineage-run-events.js';
import { OpenLineageForwarding } from './openlineage-forwarding.js';
import { requirePipelineRun } from './pipeline-lookups.js';

const RUN_EVENT_OF_END: Readonly<Record<'succeeded' | 'failed' | 'cancelled', OpenLineageEventType>> = {
  succeeded: 'COMPLETE',
  failed: 'FAIL',
  cancelled: 'ABORT',
};

export type StepChange = Partial<Omit<StepProgress, 'name' | 'kind'>>;

/** What a step recorded besides its progress: versions it read (lineage) and versions it produced. */
export interface StepRecord {
  readonly consumed?: readonly string[];
  readonly output?: RunOutput;
}

/**
 * Every change of a run's record, each in one transaction with the row locked: the run's events
 * through the outbox, its lineage node (START when it starts, the end state when it ends) and the
 * OpenLineage RunEvents queued for the configured endpoint, so the record, the events, the graph
 * and what is forwarded never disagree. Starts, steps and ends are lines of the run's log in the
 * same transaction (docs/adr/0605).
 */
@Injectable()
export class PipelineRunProgress {
  constructor(
    private readonly transaction: Transaction,
    private readonly runs: PipelineRunRepository,
    private readonly graph: LineageGraphRepository,
    private readonly events: EventPublisher<DataPipelineEvents>,
    private readonly forwarding: OpenLineageForwarding,
    private readonly log: PipelineRunLog,
  ) {}

  /** Takes the run for a worker: undefined when it ended or moved on to another attempt than the job's. */
  begin(runId: string, attempt: number, pipelineName: string): Promise<PipelineRun | undefined> {
    return this.change(runId, async (run) => {
      if (run.ended || run.snapshot.attempt !== attempt) return undefined;
      const at = new Date();
      if (!run.start(at)) return run;
      const state = run.snapshot;
      await this.graph.recordNode({
        type: 'pipeline-run',
        id: run.id,
        projectId: state.projectId,
        name: `pipeline ${pipelineName} v${state.pipelineVersion}`,
        facets: {
          pipeline: { id: state.pipelineId, name: pipelineName, version: state.pipelineVersion },
          started: { at: at.toISOString() },
          status: { state: 'running', at: at.toISOString() },
        },
      });
      await this.events.publish('data-pipeline.pipeline-run.started.v1', payloadOf(run), { aggregateId: run.id });
      await this.forwarding.enqueueFromGraph({ type: 'pipeline-run', id: run.id }, 'START');
      await this.write(
        run,
        null,
        'info',
        `started pipeline ${pipelineName} v${state.pipelineVersion}, attempt ${attempt}`,
      );
      return run;
    });
  }

  /** The run as recorded now, or undefined when there is none (a job of a deleted run). */
  peek(runId: string): Promise<PipelineRun | undefined> {
    return this.runs.find(runId);
  }

  current(runId: string): Promise<PipelineRun> {
    return requirePipelineRun(this.runs, runId);
  }

  /** Whether the run was cancelled (or otherwise ended) since the worker took it. */
  async stopped(runId: string): Promise<boolean> {
    return (await requirePipelineRun(this.runs, runId)).status !== 'running';
  }

  updateStep(runId: string, step: string, change: StepChange, record: StepRecord = {}): Promise<void> {
    return this.change(runId, async (run) => {
      run.updateStep(step, change);
      const told = stepLine(change);
      if (told !== undefined) await this.write(run, step, 'info', `step ${step} ${told}`);
      const node: LineageNodeRef = { type: 'pipeline-run', id: runId };
      const edges: LineageEdge[] = (record.consumed ?? []).map((id) =>
        edgeFrom({ type: 'dataset-version', id }, 'consumed', node),
      );
      if (record.output) {
        run.addOutput(record.output);
        edges.push(edgeFrom(node, 'produced', { type: 'dataset-version', id: record.output.versionId }));
      }
      for (const edge of edges) await this.graph.recordEdge(edge, run.snapshot.projectId);
    });
  }

  succeed(runId: string): Promise<void> {
    return this.change(runId, async (run) => {
      if (run.ended) return;
      run.succeed(new Date());
      await this.recordEnd(run, 'succeeded');
      await this.write(run, null, 'info', `succeeded with ${run.snapshot.outputs.length} output version(s)`);
      await this.events.publish(
        'data-pipeline.pipeline-run.succeeded.v1',
        { ...payloadOf(run), outputs: run.snapshot.outputs.map((output) => ({ ...output })) },
        { aggregateId: run.id },
      );
    });
  }

  fail(runId: string, error: string): Promise<void> {
    return this.change(runId, async (run) => {
      if (run.ended) return;
      const step = run.snapshot.steps.find((progress) => progress.status === 'running')?.name ?? null;
      run.fail(error, new Date());
      await this.recordEnd(run, 'failed');
      await this.write(run, step, 'error', `failed: ${error}`);
      await this.events.publish(
        'data-pipeline.pipeline-run.failed.v1',
        { ...payloadOf(run), error },
        { aggregateId: run.id },
      );
    });
  }

  /** The lineage node's end for a cancel, which the cancel use case records with the run. */
  async recordCancelled(run: PipelineRun): Promise<void> {
    await this.recordEnd(run, 'cancelled');
    await this.write(run, null, 'warn', 'cancelled');
  }

  private write(run: PipelineRun, step: string | null, level: PipelineRunLogLine['level'], message: string) {
    const { id: runId, projectId, attempt } = run.snapshot;
    return this.log.append({ runId, projectId, attempt, step, level, message });
  }

  private async recordEnd(run: PipelineRun, state: 'succeeded' | 'failed' | 'cancelled'): Promise<void> {
    const at = (run.snapshot.finishedAt ?? new Date()).toISOString();
    // Entry by entry, so the node keeps the name and facets its start gave it.
    const node = { type: 'pipeline-run' as const, id: run.id, projectId: run.snapshot.projectId };
    await this.graph.recordFacetEntry(node, 'status', 'state', state);
    await this.graph.recordFacetEntry(node, 'status', 'at', at);
    await this.forwarding.enqueueFromGraph(node, RUN_EVENT_OF_END[state]);
  }

  private change<T>(runId: string, work: (run: PipelineRun) => Promise<T>): Promise<T> {
    return this.transaction.run(async () => {
      const run = await requirePipelineRun(this.runs, runId, { lock: true });
      const result = await work(run);
      await this.runs.save(run);
      return result;
    });
  }
}

export function payloadOf(run: PipelineRun): PipelineRunPayload {
  const state = run.snapshot;
  return {
    projectId: state.projectId,
    pipelineId: state.pipelineId,
    pipelineVersion: state.pipelineVersion,
    runId: state.id,
    attempt: state.attempt,
    actorId: state.actorId,
  };
}

/** What a step's change tells its log: its start, or its end with the rows it left; nothing for other changes. */
function stepLine(change: StepChange): string | undefined {
  if (change.status === 'running') return 'started';
  if (change.status !== 'succeeded') return undefined;
  const rows = change.rowCount === undefined ? '' : `, ${change.rowCount} rows`;
  const quarantined = change.quarantinedRows ? `, ${change.quarantinedRows} quarantined` : '';
  return `succeeded${rows}${quarantined}`;
}
