/** The shape of a definition's DAG: task ids and what each depends on. */
export interface GraphNode {
  readonly id: string;
  readonly dependsOn: readonly string[];
}

/**
 * The dependency graph of a definition's tasks. Unknown dependencies are ignored here (validation
 * reports them); every walk is iterative and visits each task and edge at most once.
 */
export class TaskGraph {
  private readonly indexOf = new Map<string, number>();
  private readonly upstream: number[][];
  private readonly downstream: number[][];

  constructor(private readonly nodes: readonly GraphNode[]) {
    nodes.forEach((node, index) => {
      if (!this.indexOf.has(node.id)) this.indexOf.set(node.id, index);
    });
    this.upstream = nodes.map((node) =>
      node.dependsOn.flatMap((id) => (this.indexOf.has(id) ? [this.indexOf.get(id)!] : [])),
    );
    this.downstream = nodes.map(() => []);
    this.upstream.forEach((parents, child) => parents.forEach((parent) => this.downstream[parent].push(child)));
  }

  has(id: string): boolean {
    return this.indexOf.has(id);
  }

  /**
   * Each cycle found by a depth-first walk, as the path of ids that closes it (`a, b, c, a`: a
   * depends on b, b on c, c on a). Every cyclic graph yields at least one; an acyclic one none.
   */
  cycles(): string[][] {
    const state = new Uint8Array(this.nodes.length); // 0 unseen, 1 on the current path, 2 done
    const found: string[][] = [];
    for (let start = 0; start < this.nodes.length; start += 1) {
      if (state[start] !== 0) continue;
      const path = [start];
      const nextEdge = [0];
      state[start] = 1;
      while (path.length > 0) {
        const node = path[path.length - 1];
        const edge = nextEdge[nextEdge.length - 1]++;
        if (edge === this.upstream[node].length) {
          state[node] = 2;
          path.pop();
          nextEdge.pop();
          continue;
        }
        const next = this.upstream[node][edge];
        if (state[next] === 1) {
          found.push([...path.slice(path.indexOf(next)), next].map((index) => this.nodes[index].id));
        } else if (state[next] === 0) {
          state[next] = 1;
          path.push(next);
          nextEdge.push(0);
        }
      }
    }
    return found;
  }

  /** Tasks grouped so each depends only on earlier groups, each task as early as it can go (Kahn). */
  layers(): string[][] {
    const waiting = this.upstream.map((parents) => parents.length);
    let layer = waiting.flatMap((count, index) => (count === 0 ? [index] : []));
    const layers: string[][] = [];
    while (layer.length > 0) {
      layers.push(layer.map((index) => this.nodes[index].id));
      const next: number[] = [];
      for (const node of layer) {
        for (const child of this.downstream[node]) {
          waiting[child] -= 1;
          if (waiting[child] === 0) next.push(child);
        }
      }
      layer = next;
    }
    return layers;
  }

  /** The tasks that list `id` in their dependsOn. */
  dependentsOf(id: string): string[] {
    const index = this.indexOf.get(id);
    return index === undefined ? [] : this.downstream[index].map((child) => this.nodes[child].id);
  }

  /** Every task `id` depends on, directly or through others. */
  upstreamOf(id: string): Set<string> {
    return this.reach(id, this.upstream);
  }

  /** Every task that depends on `id`, directly or through others. */
  downstreamOf(id: string): Set<string> {
    return this.reach(id, this.downstream);
  }

  /**
   * The subset of `candidates` that `id` depends on. The walk goes breadth-first and stops once all
   * are found, so reading a parent or grandparent costs a few steps, not the whole upstream.
   */
  upstreamAmong(id: string, candidates: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    const start = this.indexOf.get(id);
    const seen = new Set<number>();
    let frontier = start === undefined ? [] : this.upstream[start];
    while (frontier.length > 0 && found.size < candidates.size) {
      const next: number[] = [];
      for (const node of frontier) {
        if (seen.has(node)) continue;
        seen.add(node);
        if (candidates.has(this.nodes[node].id)) found.add(this.nodes[node].id);
        next.push(...this.upstream[node]);
      }
      frontier = next;
    }
    return found;
  }

  private reach(id: string, edges: readonly number[][]): Set<string> {
    const start = this.indexOf.get(id);
    const seen = new Set<number>();
    const stack = start === undefined ? [] : [...edges[start]];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...edges[node]);
    }
    return new Set([...seen].map((index) => this.nodes[index].id));
  }
}
