import { ApiProperty } from '@nestjs/swagger';
import type { OpenLineageRunEvent } from '../../../domain/lineage/openlineage-run-events.js';

class OpenLineageRunResponse {
  @ApiProperty() readonly runId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) readonly facets!: Readonly<Record<string, unknown>>;
}

class OpenLineageJobResponse {
  @ApiProperty() readonly namespace!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) readonly facets!: Readonly<Record<string, unknown>>;
}

class OpenLineageDatasetResponse extends OpenLineageJobResponse {}

/** An OpenLineage RunEvent, spec 2-0-2. */
export class OpenLineageRunEventResponse {
  @ApiProperty({ enum: ['START', 'COMPLETE', 'FAIL', 'ABORT'] }) readonly eventType!: string;
  @ApiProperty({ format: 'date-time' }) readonly eventTime!: string;
  @ApiProperty({ type: OpenLineageRunResponse }) readonly run!: OpenLineageRunResponse;
  @ApiProperty({ type: OpenLineageJobResponse }) readonly job!: OpenLineageJobResponse;
  @ApiProperty({ type: [OpenLineageDatasetResponse] }) readonly inputs!: readonly OpenLineageDatasetResponse[];
  @ApiProperty({ type: [OpenLineageDatasetResponse] }) readonly outputs!: readonly OpenLineageDatasetResponse[];
  @ApiProperty() readonly producer!: string;
  @ApiProperty() readonly schemaURL!: string;
}

export class OpenLineageExportResponse {
  @ApiProperty({ type: [OpenLineageRunEventResponse] }) readonly events!: readonly OpenLineageRunEventResponse[];

  static of(events: readonly OpenLineageRunEvent[]): OpenLineageExportResponse {
    return {
      events: events.map(({ eventType, eventTime, run, job, inputs, outputs, producer, schemaURL }) => ({
        eventType,
        eventTime,
        run: { runId: run.runId, facets: run.facets },
        job: { namespace: job.namespace, name: job.name, facets: job.facets },
        inputs: inputs.map(({ namespace, name, facets }) => ({ namespace, name, facets })),
        outputs: outputs.map(({ namespace, name, facets }) => ({ namespace, name, facets })),
        producer,
        schemaURL,
      })),
    };
  }
}
