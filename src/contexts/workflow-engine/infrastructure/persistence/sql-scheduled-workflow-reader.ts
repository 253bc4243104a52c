import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { ScheduledWorkflowReader } from '../../application/ports/scheduled-workflow-reader.js';
import type { ScheduledWorkflow } from '../../contracts/scheduled-workflows.facade.js';

interface ScheduledRow {
  readonly workflow_id: string;
  readonly project_id: string;
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
}

/** The schedules table joined with its workflows' names (both the engine's own). */
@Injectable()
export class SqlScheduledWorkflowReader extends ScheduledWorkflowReader {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async ofProject(projectId: string): Promise<ScheduledWorkflow[]> {
    const rows: ScheduledRow[] = await this.scope.manager().query(
      `SELECT s.workflow_id, s.project_id, w.name, s.cron, s.timezone
       FROM workflow_engine.schedules s JOIN workflow_engine.workflows w ON w.id = s.workflow_id
       WHERE s.project_id = $1 ORDER BY w.name`,
      [projectId],
    );
    return rows.map((row) => ({
      workflowId: row.workflow_id,
      projectId: row.project_id,
      name: row.name,
      cron: row.cron,
      timezone: row.timezone,
    }));
  }
}
