import type { Schemas } from '../api/client';
import type { DagTask } from './dag-layout';

type LineageGraph = Schemas['LineageGraphResponse'];

// Names of other contexts' objects can be long (ids); the picture shortens them, the node list below it does not.
const LABEL_LENGTH = 48;
const shortened = (text: string) => (text.length <= LABEL_LENGTH ? text : `${text.slice(0, LABEL_LENGTH - 1)}…`);

export const lineageKey = (node: { type: string; id: string }) => `${node.type}:${node.id}`;

/** The lineage subgraph as a DAG: each node waits for the nodes its incoming edges come from. */
export function lineageAsDag(graph: LineageGraph): DagTask[] {
  return graph.nodes.map((node) => ({
    id: lineageKey(node),
    label: shortened(`${node.type}: ${node.name}`),
    dependsOn: graph.edges
      .filter((edge) => lineageKey(edge.to) === lineageKey(node))
      .map((edge) => lineageKey(edge.from)),
  }));
}
