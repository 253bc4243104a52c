import { describe, expect, it } from '@jest/globals';
import { sourceOf, streamOf } from './stream-names.js';

describe('stream names', () => {
  it('sends an event type to the stream of the context that publishes it', () => {
    expect(streamOf(sourceOf('model-registry.model-version.approved.v1'))).toBe('events.model-registry');
  });

  it('refuses an event type without a context', () => {
    expect(() => sourceOf('approved')).toThrow(/does not start with its context/);
  });
});
