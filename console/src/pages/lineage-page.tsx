import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { layOutDag } from '../graph/dag-layout';
import { DagPicture } from '../graph/dag-picture';
import { lineageAsDag, lineageKey } from '../graph/lineage-as-dag';
import { useNarrowScreen } from '../graph/use-narrow-screen';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';

// The graph is fed by events after the fact: a new model version's edges arrive a moment later.
const LINEAGE_POLL_MS = 3000;

/** The lineage around any node, upstream and downstream, each node a link to the lineage around it. */
export function LineagePage() {
  const { nodeType, nodeId } = useParams();
  const graph = useApi(
    () =>
      api.GET('/api/v1/lineage/{nodeType}/{id}', {
        params: { path: { nodeType: nodeType!, id: nodeId! }, query: { direction: 'both', depth: 3 } },
      }),
    `lineage:${nodeType}:${nodeId}`,
    LINEAGE_POLL_MS,
  );
  usePageTitle('Lineage');
  const direction = useNarrowScreen() ? 'top-to-bottom' : 'left-to-right';
  const dag = useMemo(() => (graph.data === undefined ? undefined : lineageAsDag(graph.data)), [graph.data]);
  const layout = useMemo(() => (dag === undefined ? undefined : layOutDag(dag, direction)), [dag, direction]);

  if (graph.data === undefined || dag === undefined || layout === undefined) return <PageStatus error={graph.error} />;
  const labels = new Map(dag.map((node) => [node.id, node.label ?? node.id]));
  return (
    <>
      <h1>Lineage of {graph.data.root.name}</h1>
      <DagPicture
        layout={layout}
        label={`Lineage graph of ${graph.data.root.name}: ${graph.data.nodes.length} nodes, ${graph.data.edges.length} edges`}
        labelOf={(key) => labels.get(key) ?? key}
      />
      <section aria-labelledby="lineage-nodes">
        <h2 id="lineage-nodes">Nodes</h2>
        <ul>
          {graph.data.nodes.map((node) => (
            <li key={lineageKey(node)}>
              <Link to={`/lineage/${node.type}/${node.id}`}>
                {node.type}: {node.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
