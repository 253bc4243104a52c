import type { DefinitionDocument } from '../../../src/contexts/workflow-engine/domain/definition/definition-document.js';
import { DefinitionSpec } from '../../../src/contexts/workflow-engine/domain/definition/definition-spec.js';
import { WorkflowDefinition } from '../../../src/contexts/workflow-engine/domain/definition/workflow-definition.js';
import type { JsonObject, JsonValue } from '../../../src/contexts/workflow-engine/domain/json-value.js';
import type { TaskDispatch } from '../../../src/contexts/workflow-engine/domain/run/task-dispatch.js';
import { WorkflowRun } from '../../../src/contexts/workflow-engine/domain/run/workflow-run.js';
import type { EngineFakes } from './fake-ports.js';

export const PROJECT = 'project-1';

/** The smallest workflow with a dependency: `b` waits for `a`. */
export const twoTaskChain: DefinitionDocument = {
  name: 'train',
  tasks: [
    { id: 'a', type: 'noop' },
    { id: 'b', type: 'noop', dependsOn: ['a'] },
  ],
};

/** A workflow stored as if created before, from a document that must be valid. */
export async function aWorkflow(
  ports: EngineFakes,
  document: DefinitionDocument,
  { projectId = PROJECT, author }: { projectId?: string; author?: string } = {},
): Promise<WorkflowDefinition> {
  const { spec, problems } = DefinitionSpec.build(document);
  if (problems.length > 0) throw new Error(`the arranged definition is invalid: ${JSON.stringify(problems)}`);
  const definition = WorkflowDefinition.create(projectId, spec, ports.clock.now(), author);
  await ports.definitions.save(definition);
  return definition;
}

export interface ArrangedRun {
  readonly runId: string;
  readonly workflowId: string;
  /** What starting it dispatched (also in `ports.queue`). */
  readonly dispatches: TaskDispatch[];
}

/**
 * A run of the workflow's latest version, started and stored as if started before: its first tasks
 * are queued and enqueued. The events and saves of arranging it are cleared, so a spec sees only its
 * handler's.
 */
export async function aStartedRun(
  ports: EngineFakes,
  definition: WorkflowDefinition,
  { params = {}, trigger = null, actorId }: { params?: JsonObject; trigger?: JsonValue; actorId?: string } = {},
): Promise<ArrangedRun> {
  const { number, spec, createdBy } = definition.latest;
  const pinned = {
    workflowId: definition.id,
    version: number,
    projectId: definition.projectId,
    spec,
    ...(createdBy && { createdBy }),
  };
  const run = WorkflowRun.create(pinned, params, trigger, ports.clock.now(), actorId);
  const dispatches = run.start(ports.clock.now());
  await ports.runs.save(run);
  await ports.queue.enqueue(dispatches);
  ports.runs.events.length = 0;
  ports.runs.saves = 0;
  return { runId: run.id, workflowId: definition.id, dispatches };
}

/** Moves a dispatched attempt to running, as an executor picking up its job does. */
export async function startAttempt(ports: EngineFakes, { runId, key, attempt }: TaskDispatch): Promise<void> {
  const run = await ports.runs.findForUpdate(runId);
  if (run === undefined) throw new Error(`no run ${runId} was arranged`);
  run.startTask(key, attempt, ports.clock.now());
  await ports.runs.save(run);
  ports.runs.events.length = 0;
}

/** Cancels a stored run, as a person would have before the spec's handler runs. */
export async function cancelledRun(ports: EngineFakes, runId: string): Promise<void> {
  const run = await ports.runs.findForUpdate(runId);
  if (run === undefined) throw new Error(`no run ${runId} was arranged`);
  run.cancel('cancelled while arranging', ports.clock.now());
  await ports.runs.save(run);
  ports.runs.events.length = 0;
}

/** The state of each task run of a stored run, by key. */
export async function taskStates(ports: EngineFakes, runId: string): Promise<Record<string, string>> {
  const run = await ports.runs.findById(runId);
  return Object.fromEntries((run?.allTaskRuns() ?? []).map((taskRun) => [taskRun.key, taskRun.state]));
}

/** The state of a stored run. */
export async function runState(ports: EngineFakes, runId: string): Promise<string | undefined> {
  return (await ports.runs.findById(runId))?.state;
}
