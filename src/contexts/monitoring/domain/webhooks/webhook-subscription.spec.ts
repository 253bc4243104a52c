import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FakeEventCatalogue, FakeUrlPolicy } from '../../../../../test/support/monitoring/fake-ports.js';
import { WebhookSubscriptionInvalid } from './errors.js';
import { WebhookSubscription, type NewWebhookSubscription } from './webhook-subscription.js';

const rules = { catalogue: new FakeEventCatalogue(), urls: new FakeUrlPolicy() };
const input = (overrides: Partial<NewWebhookSubscription> = {}): NewWebhookSubscription => ({
  projectId: 'project-1',
  url: 'https://hooks.example.com/in',
  eventTypes: ['workflow-engine.*'],
  secret: 'whsec_1',
  createdBy: 'user-1',
  at: new Date('2026-12-07T00:00:00Z'),
  ...overrides,
});

function refusal(overrides: Partial<NewWebhookSubscription>, urls = rules.urls): WebhookSubscriptionInvalid {
  try {
    WebhookSubscription.create(input(overrides), { ...rules, urls });
  } catch (error) {
    if (error instanceof WebhookSubscriptionInvalid) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('WebhookSubscription', () => {
  it('subscribes to exact published types and to context wildcards, active by default', () => {
    const subscription = WebhookSubscription.create(
      input({ eventTypes: ['model-registry.model-version.approved.v1', 'workflow-engine.*'] }),
      rules,
    );
    expect(subscription.snapshot).toMatchObject({ active: true, description: '' });
    expect(subscription.wants('model-registry.model-version.approved.v1')).toBe(true);
    expect(subscription.wants('workflow-engine.workflow-run.started.v1')).toBe(true);
    expect(subscription.wants('model-registry.alias.moved.v1')).toBe(false);
  });

  it('refuses a type its context does not publish, listing what it does publish', () => {
    const error = refusal({ eventTypes: ['workflow-engine.*', 'model-registry.model-version.promoted.v1'] });
    expect(error.errors).toEqual([
      {
        field: 'eventTypes[1]',
        message:
          'model-registry publishes no model-registry.model-version.promoted.v1; it publishes model-registry.model-version.approved.v1',
      },
    ]);
  });

  it('refuses a wildcard or type of a context that publishes nothing', () => {
    expect(refusal({ eventTypes: ['billing.*'] }).errors?.[0].field).toBe('eventTypes[0]');
    expect(refusal({ eventTypes: ['user-management.user.created.v1'] }).errors?.[0].message).toMatch(
      /no context named user-management/,
    );
    expect(refusal({ eventTypes: [] }).errors?.[0].field).toBe('eventTypes');
  });

  it('refuses plain http unless allowed, other schemes always, and private addresses', () => {
    expect(refusal({ url: 'http://hooks.example.com/in' }).errors).toEqual([
      { field: 'url', message: 'must be an https URL' },
    ]);
    expect(() =>
      WebhookSubscription.create(input({ url: 'http://hooks.example.com/in' }), {
        ...rules,
        urls: new FakeUrlPolicy(true),
      }),
    ).not.toThrow();
    expect(refusal({ url: 'ftp://hooks.example.com/in' }, new FakeUrlPolicy(true)).errors?.[0].field).toBe('url');
    expect(refusal({ url: 'https://10.0.0.5/in' }).errors).toEqual([
      { field: 'url', message: '10.0.0.5 is not a public address (private)' },
    ]);
  });

  it('keeps its state when a change breaks a rule, and wants nothing while inactive', () => {
    const subscription = WebhookSubscription.create(input(), rules);
    expect(() => subscription.change({ url: 'https://192.168.1.1/' }, rules, new Date())).toThrow(
      WebhookSubscriptionInvalid,
    );
    expect(subscription.snapshot.url).toBe('https://hooks.example.com/in');
    subscription.change({ active: false }, rules, new Date());
    expect(subscription.wants('workflow-engine.workflow-run.started.v1')).toBe(false);
  });

  it('wants exactly the types one of its patterns names, whatever the patterns', () => {
    const every = [...FakeEventCatalogue.TYPES.values()].flat();
    const patterns = fc.constantFrom(...every, 'workflow-engine.*', 'model-registry.*');
    fc.assert(
      fc.property(fc.array(patterns, { minLength: 1, maxLength: 4 }), fc.constantFrom(...every), (chosen, type) => {
        const subscription = WebhookSubscription.create(input({ eventTypes: chosen }), rules);
        const reference = chosen.includes(type) || chosen.includes(`${type.split('.')[0]}.*`);
        expect(subscription.wants(type)).toBe(reference);
      }),
    );
  });
});
