import { ApiProperty } from '@nestjs/swagger';
import type { Alert } from '../../../domain/alerts/alert.js';
import type {
  FailingWorkflow,
  MonitoringStatus,
  PlatformGauge,
  VariantServing,
} from '../../../application/get-monitoring-status/get-monitoring-status.query.js';
import { AlertResponse } from './alert.response.js';

export class StatusAlertResponse extends AlertResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a platform alert' })
  projectId!: string | null;

  static ofAlert(alert: Alert): StatusAlertResponse {
    return { ...AlertResponse.of(alert), projectId: alert.projectId };
  }
}

export class FailingWorkflowResponse {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ description: 'Failed runs over finished runs in the last 24 hours', example: 0.25 })
  failureRate!: number;
  @ApiProperty({ type: [String], description: 'The latest failed runs (at most 20)' }) failedRunIds!: string[];

  static of(workflow: FailingWorkflow): FailingWorkflowResponse {
    return { ...workflow, failedRunIds: [...workflow.failedRunIds] };
  }
}

export class VariantServingResponse {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) deploymentId!: string;
  @ApiProperty({ example: 'blue' }) variant!: string;
  @ApiProperty({ description: 'Failed answers over answers in the last hour', example: 0.01 }) errorRate!: number;
  @ApiProperty({ description: '99th percentile latency in the last hour, in seconds' }) p99Seconds!: number;

  static of(variant: VariantServing): VariantServingResponse {
    return { ...variant };
  }
}

export class PlatformGaugeResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { queue: 'workflow-engine.tasks' },
  })
  labels!: Record<string, string>;
  @ApiProperty() value!: number;

  static of(gauge: PlatformGauge): PlatformGaugeResponse {
    return { labels: { ...gauge.labels }, value: gauge.value };
  }
}

/** `GET /monitoring/status`: what needs attention now, on one page. */
export class MonitoringStatusResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null on the platform-wide page' })
  projectId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: [StatusAlertResponse] }) firingAlerts!: StatusAlertResponse[];
  @ApiProperty({ description: 'Alerts whose condition holds but not yet for long enough' }) pendingAlerts!: number;
  @ApiProperty({ type: [FailingWorkflowResponse] }) failingWorkflows!: FailingWorkflowResponse[];
  @ApiProperty({ type: [VariantServingResponse] }) variants!: VariantServingResponse[];
  @ApiProperty({ type: [PlatformGaugeResponse], description: 'Consumer groups behind on the bus (stream, group)' })
  laggingConsumers!: PlatformGaugeResponse[];
  @ApiProperty({ type: [PlatformGaugeResponse], description: 'Jobs waiting or delayed per BullMQ queue' })
  queues!: PlatformGaugeResponse[];
  @ApiProperty({ type: [PlatformGaugeResponse], description: 'Unpublished outbox rows per context' })
  outboxes!: PlatformGaugeResponse[];
  @ApiProperty({ type: [String], description: 'Signals that could not be read (their sections are empty)' })
  unavailable!: string[];

  static of(status: MonitoringStatus): MonitoringStatusResponse {
    return {
      projectId: status.projectId,
      at: status.at.toISOString(),
      firingAlerts: status.firingAlerts.map((alert) => StatusAlertResponse.ofAlert(alert)),
      pendingAlerts: status.pendingAlerts,
      failingWorkflows: status.failingWorkflows.map((workflow) => FailingWorkflowResponse.of(workflow)),
      variants: status.variants.map((variant) => VariantServingResponse.of(variant)),
      laggingConsumers: status.laggingConsumers.map((gauge) => PlatformGaugeResponse.of(gauge)),
      queues: status.queues.map((gauge) => PlatformGaugeResponse.of(gauge)),
      outboxes: status.outboxes.map((gauge) => PlatformGaugeResponse.of(gauge)),
      unavailable: [...status.unavailable],
    };
  }
}
