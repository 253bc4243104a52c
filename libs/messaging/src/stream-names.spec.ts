import { describe, expect, it } from '@jest/globals';
import { isHandledBy, sourceOf, streamOf, streamOfSubscriptions } from './stream-names.js';

describe('stream names', () => {
  it('sends an event type to the stream of the context that publishes it', () => {
    expect(streamOf(sourceOf('model-registry.model-version.approved.v1'))).toBe('events.model-registry');
  });

  it('refuses an event type without a context', () => {
    expect(() => sourceOf('approved')).toThrow(/does not start with its context/);
  });

  it('matches one event type, or every type of a context with <context>.*', () => {
    expect(isHandledBy('model-registry.model.registered.v1', 'model-registry.model.registered.v1')).toBe(true);
    expect(isHandledBy('model-registry.model.registered.v1', 'model-registry.alias.moved.v1')).toBe(false);
    expect(isHandledBy('model-registry.*', 'model-registry.alias.moved.v1')).toBe(true);
    expect(isHandledBy('model-registry.*', 'model-registry-x.alias.moved.v1')).toBe(false);
    expect(streamOf(sourceOf('model-registry.*'))).toBe('events.model-registry');
  });

  it('reads the stream of the one context a handler of several event types subscribes to', () => {
    const runEnds = ['workflow-engine.workflow-run.succeeded.v1', 'workflow-engine.workflow-run.failed.v1'];
    expect(streamOfSubscriptions(runEnds)).toBe('events.workflow-engine');
    expect(streamOfSubscriptions(['model-registry.*'])).toBe('events.model-registry');
  });

  it('refuses a handler subscribed to the events of two contexts, or of none', () => {
    const mixed = ['workflow-engine.workflow-run.failed.v1', 'model-registry.alias.moved.v1'];
    expect(() => streamOfSubscriptions(mixed)).toThrow(/exactly one context/);
    expect(() => streamOfSubscriptions([])).toThrow(/exactly one context/);
  });
});
