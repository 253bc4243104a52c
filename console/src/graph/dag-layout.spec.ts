import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { layOutDag, type DagTask } from './dag-layout';

/** Random DAGs: task i may depend only on tasks before it, so there is never a cycle. */
const dags = fc
  .integer({ min: 1, max: 12 })
  .chain((size) =>
    fc.tuple(
      ...Array.from({ length: size }, (_, index) =>
        fc.subarray(Array.from({ length: index }, (_, upstream) => `task-${upstream}`)),
      ),
    ),
  )
  .map((dependencies): DagTask[] => dependencies.map((dependsOn, index) => ({ id: `task-${index}`, dependsOn })));

describe('the DAG layout', () => {
  it('places every task after the tasks it depends on, left to right, with one edge per dependency', () => {
    fc.assert(
      fc.property(dags, (tasks) => {
        const layout = layOutDag(tasks);
        const placed = new Map(layout.nodes.map((node) => [node.id, node]));
        expect(layout.nodes.map((node) => node.id)).toEqual(tasks.map((task) => task.id));
        expect(layout.edges).toHaveLength(tasks.reduce((count, task) => count + task.dependsOn.length, 0));
        for (const task of tasks) {
          for (const upstream of task.dependsOn) {
            expect(placed.get(upstream)!.x).toBeLessThan(placed.get(task.id)!.x);
          }
        }
        for (const node of layout.nodes) {
          expect(node.x + node.width / 2).toBeLessThanOrEqual(layout.width);
          expect(node.y + node.height / 2).toBeLessThanOrEqual(layout.height);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('goes top to bottom when asked, for a phone-narrow screen', () => {
    const layout = layOutDag(
      [
        { id: 'train', dependsOn: [] },
        { id: 'ship', dependsOn: ['train'] },
      ],
      'top-to-bottom',
    );
    const [train, ship] = layout.nodes;
    expect(train.y).toBeLessThan(ship.y);
    expect(train.x).toBe(ship.x);
  });

  it('ignores a dependency on a task the definition does not have, rather than drawing a ghost', () => {
    const layout = layOutDag([{ id: 'train', dependsOn: ['gone'] }]);
    expect(layout.nodes.map((node) => node.id)).toEqual(['train']);
    expect(layout.edges).toEqual([]);
  });
});
