import { DATA_PIPELINE_EVENT_TYPES } from '@contexts/data-pipeline';
import { MODEL_REGISTRY_EVENT_TYPES } from '@contexts/model-registry';
import { WORKFLOW_ENGINE_EVENT_TYPES } from '@contexts/workflow-engine';
import { MONITORING_EVENT_TYPES } from '../../contracts/events.js';
import { PublishedEventCatalogue } from '../../domain/webhooks/published-event.catalogue.js';

/**
 * The contexts whose events may be subscribed to, with the type lists their contracts publish.
 * Read from the contracts at compile time rather than from the engine's registry, which only
 * knows the contexts of its own process (docs/adr/0601). user-management is not a source: its
 * events carry personal data (emails) and name no project's ML activity. Monitoring's own alert
 * events are one (docs/adr/0603): a project's alerts as they fire and resolve, one event each.
 */
export const WEBHOOK_SOURCES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['workflow-engine', WORKFLOW_ENGINE_EVENT_TYPES],
  ['model-registry', MODEL_REGISTRY_EVENT_TYPES],
  ['data-pipeline', DATA_PIPELINE_EVENT_TYPES],
  ['monitoring', MONITORING_EVENT_TYPES],
]);

export class ContractEventCatalogue extends PublishedEventCatalogue {
  typesOf(context: string): readonly string[] | undefined {
    return WEBHOOK_SOURCES.get(context);
  }

  contexts(): readonly string[] {
    return [...WEBHOOK_SOURCES.keys()];
  }
}
