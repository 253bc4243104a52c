import { describe, expect, it } from '@jest/globals';
import { ConcurrencyError, NotFoundError, ValidationError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel } from '../../../../../test/support/model-registry/registry-objects.js';
import { SetPromotionPolicyHandler } from './set-promotion-policy.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const model = aModel({ protectedAliases: ['champion'] });
  ports.models.add(model);
  return { ports, model, handler: new SetPromotionPolicyHandler(ports.transaction, ports.models) };
}

const threshold = { rule: 'metric-threshold', metric: 'auc', operator: '>=', value: 0.9 } as const;

describe('SetPromotionPolicyHandler', () => {
  it('protects an alias and saves its rules', async () => {
    const { ports, model, handler } = arrange();

    await handler.execute({ modelId: model.id, alias: 'production', policy: { protected: true, rules: [threshold] } });

    const saved = await ports.models.find(model.id);
    expect(saved?.isProtected('production')).toBe(true);
    expect(saved?.policyFor('production')).toEqual([threshold]);
  });

  it('lifts protection and drops the rules when the policy is empty', async () => {
    const { ports, model, handler } = arrange();
    await handler.execute({ modelId: model.id, alias: 'champion', policy: { protected: true, rules: [threshold] } });

    await handler.execute({ modelId: model.id, alias: 'champion', policy: { protected: false, rules: [] } });

    const saved = await ports.models.find(model.id);
    expect(saved?.isProtected('champion')).toBe(false);
    expect(saved?.snapshot.promotionPolicies).toEqual({});
  });

  it('applies only at the model version named by If-Match', async () => {
    const { ports, model, handler } = arrange();
    const policy = { protected: true, rules: [threshold] };

    await expect(
      handler.execute({ modelId: model.id, alias: 'production', policy, expectedVersion: model.version + 1 }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await ports.models.find(model.id))?.isProtected('production')).toBe(false);
    const saved = await handler.execute({
      modelId: model.id,
      alias: 'production',
      policy,
      expectedVersion: model.version,
    });
    expect(saved.version).toBe(model.version + 1);
  });

  it('refuses an invalid rule, reporting where it is', async () => {
    const { ports, model, handler } = arrange();

    const refusal = await handler
      .execute({
        modelId: model.id,
        alias: 'production',
        policy: { protected: false, rules: [{ ...threshold, value: Infinity }] },
      })
      .catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).errors?.map((problem) => problem.field)).toEqual(['rules[0]']);
    expect((await ports.models.find(model.id))?.policyFor('production')).toEqual([]);
  });

  it('answers not found for an unknown model', async () => {
    const { handler } = arrange();

    await expect(
      handler.execute({ modelId: 'missing', alias: 'production', policy: { protected: true, rules: [] } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
