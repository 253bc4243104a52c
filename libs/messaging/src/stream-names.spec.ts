import { describe, expect, it } from '@jest/globals';
import { isHandledBy, sourceOf, streamOf } from './stream-names.js';

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
});
