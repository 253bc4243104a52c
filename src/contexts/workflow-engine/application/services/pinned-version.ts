import { NotFoundError } from '@libs/ddd';
import type { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import type { PinnedVersion } from '../../domain/run/workflow-run.js';

/** The version a run of `workflowId` pins: `version` when given, else the latest. */
export async function pinVersion(
  definitions: WorkflowDefinitionRepository,
  workflowId: string,
  version?: number,
): Promise<PinnedVersion> {
  const definition = await definitions.findById(workflowId);
  if (definition === undefined) throw new NotFoundError('workflow', workflowId);
  const chosen =
    version === undefined || version === definition.latest.number
      ? definition.latest
      : await definitions.findVersion(workflowId, version);
  if (chosen === undefined) throw new NotFoundError('workflow version', `${workflowId}@${version}`);
  const { number, spec, createdBy } = chosen;
  return { workflowId, version: number, projectId: definition.projectId, spec, ...(createdBy && { createdBy }) };
}
