import type { ModelVersion } from '../version/model-version.js';

export type LineageNodeKind = 'job' | 'run' | 'dataset' | 'model-version';

/** A node in OpenLineage's terms: jobs and datasets are named by namespace and name, runs by id. */
export interface LineageNode {
  readonly id: string;
  readonly kind: LineageNodeKind;
  readonly namespace: string;
  readonly name: string;
  readonly facets: Readonly<Record<string, unknown>>;
}

/**
 * Edges follow the data: a run reads its `input` datasets and writes its `output`; `run-of`
 * links a run to its job. A serving job reads the model version it serves.
 */
export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'input' | 'output' | 'run-of';
}

export interface LineageGraph {
  /** The node the graph was asked for. */
  readonly root: string;
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

/** Upstream (training data, producing run and job) and downstream (serving) of one version, in one shape. */
export function lineageOf(version: ModelVersion, modelName: string): LineageGraph {
  const state = version.snapshot;
  const root = node(
    'model-version',
    'model-registry',
    `projects/${state.projectId}/models/${modelName}/versions/${state.number}`,
    {
      versionId: state.id,
      modelId: state.modelId,
      status: state.status,
      ...(state.artifact && { sha256: state.artifact.sha256 }),
    },
  );
  const nodes: LineageNode[] = [root];
  const edges: LineageEdge[] = [];
  if (state.source) {
    const { runId, taskId, workflowId } = state.source;
    const run: LineageNode = {
      id: `run:${runId}`,
      kind: 'run',
      namespace: 'workflow-engine',
      name: runId,
      facets: { taskId },
    };
    const jobName = workflowId ? `workflows/${workflowId}/tasks/${taskId}` : `runs/${runId}/tasks/${taskId}`;
    const job = node('job', 'workflow-engine', jobName, { ...(workflowId && { workflowId }), taskId });
    nodes.push(run, job);
    edges.push({ from: run.id, to: job.id, kind: 'run-of' }, { from: run.id, to: root.id, kind: 'output' });
    for (const dataset of state.trainingDatasets) {
      const input = datasetNode(dataset.datasetVersionId, dataset.name);
      nodes.push(input);
      edges.push({ from: input.id, to: run.id, kind: 'input' });
    }
  } else {
    // Without a run the datasets still feed the version, through no recorded job.
    for (const dataset of state.trainingDatasets) {
      const input = datasetNode(dataset.datasetVersionId, dataset.name);
      nodes.push(input);
      edges.push({ from: input.id, to: root.id, kind: 'input' });
    }
  }
  if (state.serving) {
    const { endpointName, variantName, region } = state.serving;
    const serving = node('job', 'sagemaker', `endpoints/${endpointName}/variants/${variantName}`, {
      endpointName,
      variantName,
      ...(region && { region }),
    });
    nodes.push(serving);
    edges.push({ from: root.id, to: serving.id, kind: 'input' });
  }
  return { root: root.id, nodes, edges };
}

function datasetNode(datasetVersionId: string, name: string | undefined): LineageNode {
  return node('dataset', 'data-pipeline', `dataset-versions/${datasetVersionId}`, {
    datasetVersionId,
    ...(name && { datasetName: name }),
  });
}

function node(kind: LineageNodeKind, namespace: string, name: string, facets: Record<string, unknown>): LineageNode {
  return { id: `${kind}:${namespace}/${name}`, kind, namespace, name, facets };
}
