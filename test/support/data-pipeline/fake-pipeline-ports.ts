import { Readable } from 'node:stream';
import { ConflictError } from '@libs/ddd';
import { CancelPipelineRunHandler } from '../../../src/contexts/data-pipeline/application/cancel-pipeline-run/cancel-pipeline-run.handler.js';
import { CreatePipelineHandler } from '../../../src/contexts/data-pipeline/application/create-pipeline/create-pipeline.handler.js';
import { ExecutePipelineRunHandler } from '../../../src/contexts/data-pipeline/application/execute-pipeline-run/execute-pipeline-run.handler.js';
import {
  PipelineRunQueue,
  type PipelineRunJob,
} from '../../../src/contexts/data-pipeline/application/ports/pipeline-run-queue.js';
import {
  PipelineWorkspaces,
  type PipelineWorkspace,
} from '../../../src/contexts/data-pipeline/application/ports/pipeline-workspaces.js';
import type { TableFileFormat } from '../../../src/contexts/data-pipeline/application/ports/query-engine.js';
import { UrlPolicy } from '../../../src/contexts/data-pipeline/application/ports/url-policy.js';
import { RetryPipelineRunHandler } from '../../../src/contexts/data-pipeline/application/retry-pipeline-run/retry-pipeline-run.handler.js';
import { RevisePipelineHandler } from '../../../src/contexts/data-pipeline/application/revise-pipeline/revise-pipeline.handler.js';
import { PipelineDefinitions } from '../../../src/contexts/data-pipeline/application/services/pipeline-definitions.js';
import { PipelineLoads } from '../../../src/contexts/data-pipeline/application/services/pipeline-loads.js';
import { PipelineRunProgress } from '../../../src/contexts/data-pipeline/application/services/pipeline-run-progress.js';
import { PipelineStepRunner } from '../../../src/contexts/data-pipeline/application/services/pipeline-step-runner.js';
import { PipelineValidation } from '../../../src/contexts/data-pipeline/application/services/pipeline-validation.js';
import { StartPipelineRunHandler } from '../../../src/contexts/data-pipeline/application/start-pipeline-run/start-pipeline-run.handler.js';
import { PipelineNameTaken } from '../../../src/contexts/data-pipeline/domain/errors.js';
import type { Pipeline, PipelineVersion } from '../../../src/contexts/data-pipeline/domain/pipeline/pipeline.js';
import { PipelineRepository } from '../../../src/contexts/data-pipeline/domain/pipeline/pipeline.repository.js';
import { PipelineRun } from '../../../src/contexts/data-pipeline/domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../../src/contexts/data-pipeline/domain/pipeline/pipeline-run.repository.js';
import { settled } from '../model-registry/settled.js';
import { FakeTableSources } from './fake-table-sources.js';
import { FakeOpenLineageSettings, InMemoryOpenLineageDeliveries } from './fake-openlineage-ports.js';
import { OpenLineageForwarding } from '../../../src/contexts/data-pipeline/application/services/openlineage-forwarding.js';
import { RunOpenLineageEvents } from '../../../src/contexts/data-pipeline/application/services/run-openlineage-events.js';
import { InMemoryCheckRunRepository } from './fake-check-run-ports.js';
import { InMemoryLineageGraph } from './fake-lineage-ports.js';
import { InMemoryPipelineRunLog } from './in-memory-pipeline-run-log.js';
import { fakeDataPipelinePorts, type DataPipelinePorts } from './fake-ports.js';

/** Pipelines and versions in maps; a revision whose number is taken is refused as the compare-and-set does. */
export class InMemoryPipelineRepository extends PipelineRepository {
  readonly pipelines = new Map<string, Pipeline>();
  readonly versions: PipelineVersion[] = [];

  add(pipeline: Pipeline, version: PipelineVersion): Promise<void> {
    return settled(() => {
      const { projectId, name } = pipeline.snapshot;
      if ([...this.pipelines.values()].some((other) => other.projectId === projectId && other.snapshot.name === name))
        throw new PipelineNameTaken(name);
      this.pipelines.set(pipeline.id, pipeline);
      this.versions.push(version);
    });
  }

  addVersion(pipeline: Pipeline, version: PipelineVersion): Promise<void> {
    return settled(() => {
      if (this.versions.some((other) => other.pipelineId === pipeline.id && other.number === version.number))
        throw new ConflictError('taken', 'pipeline-revised-concurrently');
      this.pipelines.set(pipeline.id, pipeline);
      this.versions.push(version);
    });
  }

  find(id: string): Promise<Pipeline | undefined> {
    return settled(() => this.pipelines.get(id));
  }

  findVersion(pipelineId: string, number: number): Promise<PipelineVersion | undefined> {
    return settled(() =>
      this.versions.find((version) => version.pipelineId === pipelineId && version.number === number),
    );
  }

  listByProject(projectId: string): Promise<Pipeline[]> {
    return settled(() => [...this.pipelines.values()].filter((pipeline) => pipeline.projectId === projectId));
  }
}

/** Runs stored as snapshots, so a handler's unsaved change is not seen by the next read, as with the table. */
export class InMemoryPipelineRunRepository extends PipelineRunRepository {
  readonly rows = new Map<string, PipelineRun['snapshot']>();

  add(run: PipelineRun): Promise<void> {
    return settled(() => {
      this.rows.set(run.id, run.snapshot);
    });
  }

  save(run: PipelineRun): Promise<void> {
    return this.add(run);
  }

  find(id: string): Promise<PipelineRun | undefined> {
    return settled(() => {
      const row = this.rows.get(id);
      return row && PipelineRun.restore(row);
    });
  }

  findByIdempotencyKey(pipelineId: string, key: string): Promise<PipelineRun | undefined> {
    return settled(() => {
      const row = [...this.rows.values()].find((run) => run.pipelineId === pipelineId && run.idempotencyKey === key);
      return row && PipelineRun.restore(row);
    });
  }

  listQueuedBefore(before: Date, limit: number): Promise<PipelineRun[]> {
    return settled(() =>
      [...this.rows.values()]
        .filter((run) => run.status === 'queued' && run.createdAt < before)
        .slice(0, limit)
        .map((row) => PipelineRun.restore(row)),
    );
  }

  listByPipeline(pipelineId: string, limit: number): Promise<PipelineRun[]> {
    return settled(() =>
      [...this.rows.values()]
        .filter((run) => run.pipelineId === pipelineId)
        .reverse()
        .slice(0, limit)
        .map((row) => PipelineRun.restore(row)),
    );
  }
}

/** Refuses a URL naming localhost or a private literal address, as the platform's policy does by default. */
export class PrivateUrlsRefused extends UrlPolicy {
  problem(url: string): string | undefined {
    return /\/\/(localhost|127\.|10\.)/.test(url) ? 'is not a public address' : undefined;
  }
}

export class RecordingPipelineRunQueue extends PipelineRunQueue {
  readonly jobs: PipelineRunJob[] = [];
  enqueue(job: PipelineRunJob): Promise<void> {
    return settled(() => {
      this.jobs.push(job);
    });
  }
}

/**
 * Paths under `/runs/<id>/`, downloads recorded; every file reads as `content` (CSV the scripted
 * engine understands), since the scripted engine writes no files.
 */
export class FakePipelineWorkspaces extends PipelineWorkspaces {
  readonly downloads: { runId: string; objectKey: string; name: string }[] = [];
  readonly fetches: { runId: string; url: string; name: string }[] = [];
  readonly removed: string[] = [];
  content = 'id,name,score\n1,a,1\n2,b,2\n';

  open(runId: string): Promise<PipelineWorkspace> {
    return settled(() => ({
      path: (name: string, format: TableFileFormat) => `/runs/${runId}/${name}.${format}`,
      download: (objectKey: string, name: string) =>
        settled(() => {
          this.downloads.push({ runId, objectKey, name });
          return `/runs/${runId}/${name}.download`;
        }),
      fetch: (url: string, name: string) =>
        settled(() => {
          this.fetches.push({ runId, url, name });
          return `/runs/${runId}/${name}.download`;
        }),
      read: () => settled(() => ({ body: Readable.from([Buffer.from(this.content)]), size: this.content.length })),
      remove: () =>
        settled(() => {
          this.removed.push(runId);
        }),
    }));
  }
}

export interface PipelinePorts extends DataPipelinePorts {
  readonly pipelines: InMemoryPipelineRepository;
  readonly runs: InMemoryPipelineRunRepository;
  readonly checkRuns: InMemoryCheckRunRepository;
  readonly graph: InMemoryLineageGraph;
  readonly queue: RecordingPipelineRunQueue;
  readonly workspaces: FakePipelineWorkspaces;
  readonly tableSources: FakeTableSources;
  /** The OpenLineage RunEvents queued for the endpoint (forwarding on). */
  readonly deliveries: InMemoryOpenLineageDeliveries;
  /** The runs' log lines. */
  readonly runLog: InMemoryPipelineRunLog;
  readonly creating: CreatePipelineHandler;
  readonly revising: RevisePipelineHandler;
  readonly starting: StartPipelineRunHandler;
  readonly cancelling: CancelPipelineRunHandler;
  readonly retrying: RetryPipelineRunHandler;
  readonly executing: ExecutePipelineRunHandler;
}

/** The dataset ports with pipelines, runs, check runs, the graph, the queue and workspaces in memory, and the pipeline use cases over them. */
export function fakePipelinePorts(): PipelinePorts {
  const ports = fakeDataPipelinePorts(1 << 20);
  const pipelines = new InMemoryPipelineRepository();
  const runs = new InMemoryPipelineRunRepository();
  const checkRuns = new InMemoryCheckRunRepository();
  const graph = new InMemoryLineageGraph();
  const queue = new RecordingPipelineRunQueue();
  const workspaces = new FakePipelineWorkspaces();
  // One configured source, `crm`, whose snapshots hold the world's customers.
  const tableSources = new FakeTableSources({ crm: 'id,name,score\n1,a,1\n2,,2\n3,c,3\n' });
  const definitions = new PipelineDefinitions(
    ports.datasets,
    ports.versions,
    ports.engine,
    new PrivateUrlsRefused(),
    tableSources,
  );
  const deliveries = new InMemoryOpenLineageDeliveries();
  const forwarding = new OpenLineageForwarding(
    new FakeOpenLineageSettings(),
    deliveries,
    new RunOpenLineageEvents(graph),
  );
  const runLog = new InMemoryPipelineRunLog();
  const progress = new PipelineRunProgress(ports.transaction, runs, graph, ports.events, forwarding, runLog);
  const loads = new PipelineLoads(ports.datasets, ports.intake, ports.engine);
  const validation = new PipelineValidation(
    ports.transaction,
    checkRuns,
    ports.datasets,
    ports.versions,
    ports.engine,
    loads,
    progress,
  );
  const steps = new PipelineStepRunner(
    ports.datasets,
    ports.versions,
    ports.engine,
    loads,
    validation,
    progress,
    tableSources,
    ports.settings,
  );
  return {
    ...ports,
    pipelines,
    runs,
    checkRuns,
    graph,
    queue,
    workspaces,
    tableSources,
    deliveries,
    runLog,
    creating: new CreatePipelineHandler(ports.transaction, pipelines, definitions),
    revising: new RevisePipelineHandler(ports.transaction, pipelines, definitions),
    starting: new StartPipelineRunHandler(ports.transaction, pipelines, runs, queue),
    cancelling: new CancelPipelineRunHandler(ports.transaction, runs, progress),
    retrying: new RetryPipelineRunHandler(ports.transaction, pipelines, runs, queue),
    executing: new ExecutePipelineRunHandler(pipelines, progress, steps, workspaces),
  };
}
