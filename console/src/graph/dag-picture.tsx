import { useId } from 'react';
import type { DagLayout } from './dag-layout';

interface DagPictureProps {
  readonly layout: DagLayout;
  readonly label: string;
  /** A task's state, when the picture shows a run; it names the node's colour class and is written in the node. */
  readonly stateOf?: (taskId: string) => string | undefined;
  /** What a node says, when not its id (a lineage node's name). */
  readonly labelOf?: (nodeId: string) => string;
}

/**
 * The DAG as an SVG picture. Colour is never the only cue: a run's node also says its state in words,
 * and the page lists the same tasks in a table for screen readers and keyboards.
 */
export function DagPicture({ layout, label, stateOf, labelOf = (nodeId) => nodeId }: DagPictureProps) {
  const arrow = useId();
  return (
    // Focusable, so a keyboard can scroll a graph wider than a phone's screen.
    <div className="dag-frame" role="region" aria-label={label} tabIndex={0}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        className="dag"
      >
        <defs>
          <marker id={arrow} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="dag-arrow" />
          </marker>
        </defs>
        {layout.edges.map((edge) => (
          <polyline
            key={`${edge.from}->${edge.to}`}
            points={edge.points.map((point) => `${point.x},${point.y}`).join(' ')}
            className="dag-edge"
            markerEnd={`url(#${arrow})`}
          />
        ))}
        {layout.nodes.map((node) => {
          const state = stateOf?.(node.id);
          return (
            <g
              key={node.id}
              className={`dag-node state-${state ?? 'none'}`}
              data-task-id={node.id}
              data-state={state}
              transform={`translate(${node.x - node.width / 2},${node.y - node.height / 2})`}
            >
              <rect width={node.width} height={node.height} rx="6" />
              <text x={node.width / 2} y={state === undefined ? node.height / 2 + 5 : 18} textAnchor="middle">
                {labelOf(node.id)}
              </text>
              {state !== undefined && (
                <text x={node.width / 2} y={35} textAnchor="middle" className="dag-state">
                  {state.replaceAll('_', ' ')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
