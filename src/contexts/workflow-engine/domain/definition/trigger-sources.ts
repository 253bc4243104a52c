/**
 * The contexts whose events may trigger workflows. user-management is left out on purpose: its
 * events name no project and carry personal data, which `trigger.payload` would hand to every
 * project's runs (docs/adr/0206).
 */
export const TRIGGER_SOURCES = ['workflow-engine', 'model-registry', 'data-pipeline', 'prediction', 'monitoring'];

/** `<context>.<aggregate>.<past-tense>.v<N>` (ARCHITECTURE section 3). */
const EVENT_TYPE = /^([a-z][a-z0-9-]*)\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/** Why a trigger on `event` could never fire, or undefined when it can. */
export function triggerEventProblem(event: string): string | undefined {
  const source = EVENT_TYPE.exec(event)?.[1];
  if (source === undefined) return 'expected an event type <context>.<aggregate>.<past-tense>.v<N>';
  if (!TRIGGER_SOURCES.includes(source))
    return `events of ${source} do not trigger runs; ${TRIGGER_SOURCES.join(', ')} do`;
  return undefined;
}
