import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { moveAliasHandler } from '../../../../../test/support/model-registry/move-alias-handler.js';
import { aModel, aVersion, REVIEWER, withPolicy } from '../../../../../test/support/model-registry/registry-objects.js';
import { ModelCard } from '../../domain/card/model-card.js';
import { PromotionRefused } from '../../domain/errors.js';
import { METRIC_OPERATORS, ruleLabel, type PromotionRule } from '../../domain/promotion/promotion-rule.js';
import type { Metrics } from '../../domain/version/model-version.js';
import { MODEL_VERSION_STATUSES } from '../../domain/version/model-version-status.js';

const METRICS = ['auc', 'loss'] as const;
const ALIAS = 'production';

/** Either metric may be missing, which fails any rule that reads it. */
const score = fc.integer({ min: 0, max: 4 });
const metrics = fc.record({ auc: score, loss: score }, { requiredKeys: [] });
const rule: fc.Arbitrary<PromotionRule> = fc.oneof(
  fc.constant({ rule: 'approved' as const }),
  fc.constant({ rule: 'lineage-complete' as const }),
  fc.constant({ rule: 'model-card-final' as const }),
  fc.record({
    rule: fc.constant('metric-threshold' as const),
    metric: fc.constantFrom(...METRICS),
    operator: fc.constantFrom(...METRIC_OPERATORS),
    value: score,
  }),
  fc.record({
    rule: fc.constant('metric-better-than-current' as const),
    metric: fc.constantFrom(...METRICS),
    higherIsBetter: fc.boolean(),
  }),
);
const scenario = fc.record({
  rules: fc.array(rule, { maxLength: 5 }),
  protectedAlias: fc.boolean(),
  candidate: fc.record({
    status: fc.constantFrom(...MODEL_VERSION_STATUSES),
    metrics,
    lineage: fc.boolean(),
    card: fc.constantFrom('none', 'draft', 'final'),
  }),
  holder: fc.option(metrics, { nil: undefined }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const metricOf = (metrics: Metrics | undefined, name: string) => metrics && (metrics[name] as number | undefined);

/** The policy written out rule by rule, as an approver reads it. */
function holds(rule: PromotionRule, { candidate, holder }: Scenario): boolean {
  switch (rule.rule) {
    case 'approved':
      return candidate.status === 'Approved';
    case 'lineage-complete':
      return candidate.lineage;
    case 'model-card-final':
      return candidate.card === 'final';
    case 'metric-threshold': {
      const value = metricOf(candidate.metrics, rule.metric);
      if (value === undefined) return false;
      const threshold = rule.value;
      const comparisons = {
        '>=': value >= threshold,
        '>': value > threshold,
        '<=': value <= threshold,
        '<': value < threshold,
      };
      return comparisons[rule.operator];
    }
    case 'metric-better-than-current': {
      const value = metricOf(candidate.metrics, rule.metric);
      const current = metricOf(holder, rule.metric);
      if (value === undefined) return false;
      // Nothing to beat: no holder, or one without the metric.
      if (current === undefined) return true;
      return rule.higherIsBetter ? value > current : value < current;
    }
  }
}

function expectedFailures(world: Scenario): string[] {
  const { status } = world.candidate;
  const servable = status !== 'PendingArtifact' && status !== 'Archived';
  return [
    ...(servable ? [] : ['servable']),
    ...(world.protectedAlias && status !== 'Approved' ? ['protected-alias'] : []),
    ...world.rules.filter((each) => !holds(each, world)).map(ruleLabel),
  ];
}

async function arrange(world: Scenario) {
  const ports = fakeModelRegistryPorts();
  const model = withPolicy(aModel(), ALIAS, world.rules, world.protectedAlias);
  ports.models.add(model);
  const candidate = aVersion(model, world.candidate.status, {
    metrics: world.candidate.metrics,
    lineage: world.candidate.lineage,
  });
  ports.versions.add(candidate);
  if (world.candidate.card !== 'none') {
    const card = ModelCard.draft(candidate.id);
    if (world.candidate.card === 'final') card.finalize(REVIEWER, new Date());
    await ports.cards.save(card);
  }
  if (!world.holder) return { ports, model, candidate, held: undefined };
  const holder = aVersion(model, 'Approved', { metrics: world.holder });
  ports.versions.add(holder);
  return { ports, model, candidate, held: await ports.aliases.point(model.id, ALIAS, holder.id) };
}

describe('MoveAliasHandler, the promotion gate for any policy and candidate', () => {
  it('moves the alias exactly when every rule holds, and otherwise refuses naming each rule that failed', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (world) => {
        const { ports, model, candidate, held } = await arrange(world);
        const failures = expectedFailures(world);

        const outcome = await moveAliasHandler(ports)
          .execute({
            modelId: model.id,
            alias: ALIAS,
            versionId: candidate.id,
            expectedVersion: held?.version,
            actorId: REVIEWER,
          })
          .catch((error: unknown) => error);

        const landed = (await ports.aliases.find(model.id, ALIAS))?.versionId;
        if (failures.length === 0) {
          expect(landed).toBe(candidate.id);
          expect(ports.events.published.map(({ type }) => type)).toEqual(['model-registry.alias.moved.v1']);
        } else {
          expect(outcome).toBeInstanceOf(PromotionRefused);
          expect((outcome as PromotionRefused).failedRules.map((failed) => failed.rule)).toEqual(failures);
          expect(landed).toBe(held?.versionId);
          expect(ports.events.published).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
