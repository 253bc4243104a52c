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

  /**
   * The run's events of those types as the graph holds them now (their inputs and outputs so far),
   * queued in the order given, which is the order they are sent in; a type the graph has no event of is skipped.
   */
  async enqueueFromGraph(run: LineageNodeRef, ...eventTypes: OpenLineageEventType[]): Promise<void> {
    if (!this.settings.enabled) return;
    const events = await this.runEvents.of(run);
    for (const eventType of eventTypes) {
      const event = events.find((candidate) => candidate.eventType === eventType);
      if (event) await this.enqueue(event);
    }
  }
}
