import { RunCheckSuiteHandler } from '../../../src/contexts/data-pipeline/application/run-check-suite/run-check-suite.handler.js';
import { CheckResultLineage } from '../../../src/contexts/data-pipeline/application/services/check-result-lineage.js';
import type { CheckRun } from '../../../src/contexts/data-pipeline/domain/checks/check-run.js';
import { CheckRunRepository } from '../../../src/contexts/data-pipeline/domain/checks/check-run.repository.js';
import { settled } from '../model-registry/settled.js';
import { InMemoryLineageGraph } from './fake-lineage-ports.js';
import { fakeDataPipelinePorts, type DataPipelinePorts } from './fake-ports.js';

/** Runs in a map, listed newest first as the table's index orders them. */
export class InMemoryCheckRunRepository extends CheckRunRepository {
  readonly rows = new Map<string, CheckRun>();

  add(run: CheckRun): Promise<void> {
    return settled(() => {
      this.rows.set(run.id, run);
    });
  }

  find(id: string): Promise<CheckRun | undefined> {
    return settled(() => this.rows.get(id));
  }

  listByVersion(versionId: string): Promise<CheckRun[]> {
    return settled(() =>
      [...this.rows.values()]
        .filter((run) => run.versionId === versionId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
    );
  }
}

export interface CheckRunPorts extends DataPipelinePorts {
  readonly runs: InMemoryCheckRunRepository;
  readonly graph: InMemoryLineageGraph;
  readonly runSuite: RunCheckSuiteHandler;
}

/** The dataset ports, check runs and the lineage graph in memory, and the suite runner over them. */
export function fakeCheckRunPorts(): CheckRunPorts {
  const ports = fakeDataPipelinePorts(1 << 20);
  const runs = new InMemoryCheckRunRepository();
  const graph = new InMemoryLineageGraph();
  const runSuite = new RunCheckSuiteHandler(
    ports.transaction,
    ports.datasets,
    ports.versions,
    runs,
    ports.copies,
    ports.engine,
    new CheckResultLineage(graph),
    ports.events,
  );
  return { ...ports, runs, graph, runSuite };
}
