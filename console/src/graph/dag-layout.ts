import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

export interface DagTask {
  readonly id: string;
  readonly dependsOn: readonly string[];
  /** The text the node shows, when not its id; the node is sized for it. */
  readonly label?: string;
}

export interface PlacedNode {
  readonly id: string;
  /** Centre of the node, as dagre places it. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly { x: number; y: number }[];
}

export interface DagLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

const NODE_HEIGHT = 44;
const CHARACTER_WIDTH = 8;
const NODE_PADDING = 32;
// Wide enough for the longest state a run's node writes under its name ("waiting for approval").
const MIN_NODE_WIDTH = 150;
const MARGIN = 16;

export type DagDirection = 'left-to-right' | 'top-to-bottom';

/** Places a workflow's tasks in layers, each after the tasks it depends on (dagre's layered layout). */
export function layOutDag(tasks: readonly DagTask[], direction: DagDirection = 'left-to-right'): DagLayout {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  graph.setGraph({
    rankdir: direction === 'left-to-right' ? 'LR' : 'TB',
    nodesep: 24,
    ranksep: 56,
    marginx: MARGIN,
    marginy: MARGIN,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  const known = new Set(tasks.map((task) => task.id));
  for (const task of tasks) {
    graph.setNode(task.id, {
      width: Math.max(MIN_NODE_WIDTH, (task.label ?? task.id).length * CHARACTER_WIDTH + NODE_PADDING),
      height: NODE_HEIGHT,
    });
  }
  for (const task of tasks) {
    for (const upstream of task.dependsOn) if (known.has(upstream)) graph.setEdge(upstream, task.id);
  }
  dagre.layout(graph);
  const size = graph.graph();
  return {
    width: size.width ?? 0,
    height: size.height ?? 0,
    nodes: tasks.map((task) => {
      const node = graph.node(task.id);
      return { id: task.id, x: node.x ?? 0, y: node.y ?? 0, width: node.width, height: node.height };
    }),
    edges: graph.edges().map((edge) => ({ from: edge.v, to: edge.w, points: graph.edge(edge).points ?? [] })),
  };
}
