import { ApiProperty } from '@nestjs/swagger';
import type { WorkflowPlan } from '../../../application/plan-workflow/plan-workflow.query.js';
import type { JsonObject } from '../../../domain/json-value.js';

export class WorkflowPlanResponse {
  @ApiProperty({ format: 'uuid' }) readonly workflowId!: string;
  @ApiProperty({ type: 'integer' }) readonly version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The params with the schema's defaults" })
  readonly params!: JsonObject;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'Task ids in execution layers: each layer after every one it depends on',
  })
  readonly layers!: string[][];
  @ApiProperty({ type: [String], description: 'Tasks a run with these params would take from the cache' })
  readonly cacheHits!: string[];

  static of({ workflowId, version, params, layers, cacheHits }: WorkflowPlan): WorkflowPlanResponse {
    return { workflowId, version, params, layers, cacheHits };
  }
}
