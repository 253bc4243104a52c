/**
 * For the access guard: the project of the lineage node with this id, whatever its type; undefined
 * (404) when no node has it, or when nodes of two projects share it, so neither is ever shown.
 */
export abstract class ProjectOfLineageNode {
  abstract projectOf(nodeId: string): Promise<string | undefined>;
}
