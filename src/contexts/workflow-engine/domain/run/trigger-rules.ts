import type { DefinitionSpec } from '../definition/definition-spec.js';
import { isTruthy } from '../expression/expression-evaluator.js';
import { ExpressionEvaluationFailed } from '../expression/expression-errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json-value.js';
import { triggerScope, type EventTrigger } from './run-trigger.js';

/**
 * Whether a version's triggers start a run for this event: one of them names its type and has no
 * filter or a filter that is truthy over `{ trigger, params }`. A filter that cannot be evaluated
 * against this payload (wrong types) does not match, as a false `when` skips a task.
 */
export function isStartedBy(spec: DefinitionSpec, trigger: EventTrigger, params: JsonObject): boolean {
  return spec.triggers.some((candidate) => {
    if (candidate.event !== trigger.type) return false;
    if (candidate.filter === undefined) return true;
    try {
      return isTruthy(candidate.filter.evaluate({ trigger: triggerScope(trigger), params }));
    } catch (error) {
      if (error instanceof ExpressionEvaluationFailed) return false;
      throw error;
    }
  });
}

/**
 * Security: an event about a project starts workflows of that project only, so one project's
 * activity can neither start nor reach (through `trigger.payload`) another project's runs. An event
 * that names no project (`payload.projectId` absent) is project-less and may start any workflow
 * subscribed to it; the engine subscribes only to contexts whose project-less events carry no
 * personal data (docs/adr/0206).
 */
export function mayStartInProject(projectId: string, trigger: EventTrigger): boolean {
  const payload = trigger.payload;
  if (!isJsonObject(payload) || !Object.hasOwn(payload, 'projectId')) return true;
  return payload.projectId === projectId;
}

/**
 * Runs that events started one after another stop here: two workflows triggered by each other's
 * success would otherwise take turns forever. Chains through other contexts' events (a run that
 * registers a model version whose event starts the run again) are not counted: their events do not
 * carry the depth.
 */
export const MAX_TRIGGER_DEPTH = 16;

/**
 * The depth a run started by this event would have: one more than the run that published it (the
 * engine's run and task events carry `triggerDepth`), else 1.
 */
export function triggerDepthOf(event: { readonly type: string; readonly payload: JsonValue }): number {
  const { payload } = event;
  const published =
    event.type.startsWith('workflow-engine.') && isJsonObject(payload) && typeof payload.triggerDepth === 'number'
      ? payload.triggerDepth
      : 0;
  return published + 1;
}

/**
 * A workflow's own run events never trigger it: a run that succeeds would otherwise start the next
 * one forever. Chains across workflows are the user's to design, up to MAX_TRIGGER_DEPTH.
 */
export function isAboutItself(workflowId: string, trigger: EventTrigger): boolean {
  return (
    trigger.type.startsWith('workflow-engine.') &&
    isJsonObject(trigger.payload) &&
    trigger.payload.workflowId === workflowId
  );
}
