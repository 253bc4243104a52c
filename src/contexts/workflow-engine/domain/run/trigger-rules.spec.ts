import { describe, expect, it } from '@jest/globals';
import { DefinitionSpec } from '../definition/definition-spec.js';
import type { DefinitionDocument } from '../definition/definition-document.js';
import { eventTrigger, triggerDepthOfRun } from './run-trigger.js';
import { isAboutItself, isStartedBy, mayStartInProject, triggerDepthOf } from './trigger-rules.js';
import { RunScope } from './run-scope.js';

const APPROVED = 'model-registry.model-version.approved.v1';

function specWith(triggers: DefinitionDocument['triggers']): DefinitionSpec {
  const { spec, problems } = DefinitionSpec.build({ name: 'w', tasks: [{ id: 'a', type: 'noop' }], triggers });
  expect(problems).toEqual([]);
  return spec;
}

const approved = (payload: object) =>
  eventTrigger({
    id: 'event-1',
    type: APPROVED,
    occurredAt: '2026-01-01T00:00:00Z',
    payload: { ...payload },
    depth: 1,
  });

describe('event triggers', () => {
  it('starts on its event type, without a filter or when the filter over trigger.payload is truthy', () => {
    expect(isStartedBy(specWith([{ event: APPROVED }]), approved({ modelId: 'm' }), {})).toBe(true);
    expect(isStartedBy(specWith([{ event: 'model-registry.alias.moved.v1' }]), approved({}), {})).toBe(false);
    const filtered = specWith([{ event: APPROVED, filter: "trigger.payload.stage == 'production'" }]);
    expect(isStartedBy(filtered, approved({ stage: 'production' }), {})).toBe(true);
    expect(isStartedBy(filtered, approved({ stage: 'staging' }), {})).toBe(false);
    expect(isStartedBy(filtered, approved({}), {})).toBe(false);
  });

  it('reads params and wrapped filters, and any matching trigger of several starts the run', () => {
    const spec = specWith([
      { event: APPROVED, filter: '${{ trigger.payload.versionNumber > params.minimum }}' },
      { event: APPROVED, filter: "trigger.payload.name == 'churn'" },
    ]);
    expect(isStartedBy(spec, approved({ versionNumber: 3 }), { minimum: 2 })).toBe(true);
    expect(isStartedBy(spec, approved({ versionNumber: 1, name: 'churn' }), { minimum: 2 })).toBe(true);
    expect(isStartedBy(spec, approved({ versionNumber: 1, name: 'fraud' }), { minimum: 2 })).toBe(false);
  });

  it('treats a filter that cannot be evaluated against the payload as not matching', () => {
    const spec = specWith([{ event: APPROVED, filter: 'trigger.payload.count > 2' }]);
    expect(isStartedBy(spec, approved({ count: 'many' }), {})).toBe(false);
  });

  it("starts only the event's project's workflows, unless the event names no project", () => {
    expect(mayStartInProject('p1', approved({ projectId: 'p1' }))).toBe(true);
    expect(mayStartInProject('p2', approved({ projectId: 'p1' }))).toBe(false);
    expect(mayStartInProject('p2', approved({ projectId: null }))).toBe(false);
    expect(mayStartInProject('p2', approved({ modelId: 'm' }))).toBe(true);
  });

  it("never lets a workflow's own run events start it again", () => {
    const own = eventTrigger({
      id: 'e',
      type: 'workflow-engine.workflow-run.succeeded.v1',
      occurredAt: '2026-01-01T00:00:00Z',
      payload: { workflowId: 'w1', runId: 'r1' },
      depth: 1,
    });
    expect(isAboutItself('w1', own)).toBe(true);
    expect(isAboutItself('w2', own)).toBe(false);
  });

  it('shows expressions the event payload as trigger.payload, and a start by hand as a null payload', () => {
    const spec = specWith(undefined);
    const scope = (trigger: Parameters<typeof eventTrigger>[0] | null) =>
      new RunScope(
        { id: 'run-1', workflowId: 'workflow-1' },
        spec,
        {},
        trigger && eventTrigger(trigger),
        new Map(),
      ).forTask(spec.task('a'));
    const event = { id: 'e', type: APPROVED, occurredAt: '2026-01-01T00:00:00Z', payload: { modelId: 'm' }, depth: 1 };
    expect(scope(event).trigger).toMatchObject({ kind: 'event', type: APPROVED, payload: { modelId: 'm' } });
    expect(scope(null).trigger).toEqual({ payload: null });
  });

  it("counts a chain of triggered runs through the engine's events only", () => {
    const ran = 'workflow-engine.workflow-run.succeeded.v1';
    expect(triggerDepthOf({ type: ran, payload: { runId: 'r', triggerDepth: 0 } })).toBe(1);
    expect(triggerDepthOf({ type: ran, payload: { runId: 'r', triggerDepth: 7 } })).toBe(8);
    // Another context's events carry no depth of ours, whatever their payload says.
    expect(triggerDepthOf({ type: APPROVED, payload: { triggerDepth: 7 } })).toBe(1);
    expect(triggerDepthOfRun(approved({}))).toBe(1);
    expect(triggerDepthOfRun(null)).toBe(0);
    expect(triggerDepthOfRun({ kind: 'schedule', scheduledFor: '2026-01-01T00:00:00Z' })).toBe(0);
  });
});
