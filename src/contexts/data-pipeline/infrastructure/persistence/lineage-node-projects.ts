import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { ProjectOfLineageNode } from '../../application/ports/project-of-lineage-node.js';

/** Reads the node's project from `data_pipeline.lineage_nodes` by id alone (the guard has no type). */
@Injectable()
export class LineageNodeProjects extends ProjectOfLineageNode {
  constructor(private readonly transaction: AmbientTransaction) {
    super();
  }

  async projectOf(nodeId: string): Promise<string | undefined> {
    const rows: { project_id: string }[] = await this.transaction
      .manager()
      .query('SELECT DISTINCT project_id FROM data_pipeline.lineage_nodes WHERE node_id = $1 LIMIT 2', [nodeId]);
    return rows.length === 1 ? rows[0].project_id : undefined;
  }
}
