import { Injectable } from '@nestjs/common';
import type { LineageNodeRef } from '../../domain/lineage/lineage-node.js';
import type { OpenLineageEventType, OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';
import { OpenLineageDeliveries } from '../ports/openlineage-deliveries.js';
import { OpenLineageSettings } from '../ports/openlineage-endpoint.js';
import { RunOpenLineageEvents } from './run-openlineage-events.js';

/**
 * Queues RunEvents for the configured OpenLineage endpoint, in the caller's transaction: the event
 * is queued if and only if the graph change that caused it commits. Does nothing when forwarding is
 * off. Any use case that records a run's start or end calls it (workflow runs today, pipeline runs next).
 */
@Injectable()
export class OpenLineageForwarding {
  constructor(
    private readonly settings: OpenLineageSettings,
    private readonly deliveries: OpenLineageDeliveries,
    private readonly runEvents: RunOpenLineageEvents,
  ) {}

  async enqueue(event: OpenLineageRunEvent): Promise<void> {
    if (this.settings.enabled) await this.deliveries.add(event, new Date());
  }

  /** The run's event of that type as the graph holds it now (its inputs and outputs so far), if the graph has it. */
  async enqueueFromGraph(run: LineageNodeRef, eventType: OpenLineageEventType): Promise<void> {
    if (!this.settings.enabled) return;
    const event = (await this.runEvents.of(run)).find((candidate) => candidate.eventType === eventType);
    if (event) await this.enqueue(event);
  }
}
