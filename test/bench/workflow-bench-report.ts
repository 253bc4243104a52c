import { latencyRatiosTo, peersOf, printSideBySide, ratiosTo, type Figures, type Peers } from './bench-comparison.js';
import { reportResult, round } from './bench-result.js';
import type { PhaseCpu } from './workflow-cpu.js';

interface WorkflowBenchShape {
  readonly tasks: number;
  readonly workerConcurrency: number;
  readonly chainSeconds: number;
}

/**
 * Prints the side-by-side table and writes `results/workflow.json`. The headline `peer` and `ratio`
 * are the durable floor's, which the engine's goals are set against; every peer and every ratio of
 * ours to it are under `peers` and `ratios`.
 */
export function reportWorkflowBench(
  shape: WorkflowBenchShape,
  ours: Figures,
  peers: Peers<Figures>,
  cpuPerTask: { readonly ours: PhaseCpu; readonly durableFloor: PhaseCpu },
): void {
  printSideBySide(
    `workflow: ${shape.tasks}-task fan-out/fan-in throughput and dispatch latency over a ${shape.tasks}-task chain`,
    { throughput: 'tasks/s', latency: 'ms' },
    ours,
    peers,
  );
  const cpu = (phase: PhaseCpu) => ({
    nodeMs: round(phase.nodeMs, 3),
    ...(phase.postgresMs !== undefined && { postgresMs: round(phase.postgresMs, 3) }),
  });
  console.log('fan-out CPU ms per task (this process; the PostgreSQL server):');
  console.table({ ours: cpu(cpuPerTask.ours), 'durable floor': cpu(cpuPerTask.durableFloor) });
  const throughputs = peersOf(peers, (figures) => round(figures.throughput));
  const latencies = peersOf(peers, (figures) => figures.latency);
  reportResult({
    name: 'workflow',
    ours: round(ours.throughput),
    peer: throughputs.durableFloor,
    unit: 'tasks/s',
    ratio: round(ours.throughput / peers.durableFloor.throughput, 3),
    peers: throughputs,
    ratios: ratiosTo(
      ours.throughput,
      peersOf(peers, (figures) => figures.throughput),
    ),
    tasks: shape.tasks,
    workerConcurrency: shape.workerConcurrency,
    cpuMsPerTask: { ours: cpu(cpuPerTask.ours), durableFloor: cpu(cpuPerTask.durableFloor) },
    dispatchLatency: {
      unit: 'ms',
      chainTasks: shape.tasks,
      ours: ours.latency,
      peers: latencies,
      ratios: latencyRatiosTo(ours.latency, latencies),
      chainSeconds: round(shape.chainSeconds),
    },
  });
}
