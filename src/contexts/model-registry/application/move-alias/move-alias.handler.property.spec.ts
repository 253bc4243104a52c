import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { moveAliasHandler } from '../../../../../test/support/model-registry/move-alias-handler.js';
import { aModel, aVersion, REVIEWER, withPolicy } from '../../../../../test/support/model-registry/registry-objects.js';
import { PromotionRefused } from '../../domain/errors.js';
import { METRIC_OPERATORS, type MetricOperator } from '../../domain/promotion/promotion-rule.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { MODEL_VERSION_STATUSES } from '../../domain/version/model-version-status.js';

const ALIASES = ['champion', 'challenger', 'shadow'] as const;

/** The reference gate: champion is protected, challenger needs auc >= 0.5, shadow only a servable version. */
function mayTake(alias: string, version: ModelVersion): boolean {
  const servable = version.artifact !== undefined && version.status !== 'Archived';
  if (alias === 'champion') return servable && version.status === 'Approved';
  if (alias === 'challenger') return servable && (version.snapshot.metrics.auc ?? -1) >= 0.5;
  return servable;
}

const candidates = fc.array(
  fc.record({
    status: fc.constantFrom(...MODEL_VERSION_STATUSES),
    auc: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  }),
  { minLength: 1, maxLength: 5 },
);
const moves = fc.array(fc.record({ alias: fc.constantFrom(...ALIASES), candidate: fc.nat(), stale: fc.boolean() }), {
  maxLength: 25,
});

describe('MoveAliasHandler, for any sequence of moves', () => {
  it('leaves each alias naming the version of its last allowed move, publishes exactly those moves, and keeps gate failures off protected aliases', async () => {
    await fc.assert(
      fc.asyncProperty(candidates, moves, async (pool, sequence) => {
        const ports = fakeModelRegistryPorts();
        const handler = moveAliasHandler(ports);
        const model = withPolicy(aModel({ protectedAliases: ['champion'] }), 'challenger', [
          { rule: 'metric-threshold', metric: 'auc', operator: '>=', value: 0.5 },
        ]);
        ports.models.add(model);
        const versions = pool.map(({ status, auc }) =>
          aVersion(model, status, { metrics: auc === null ? {} : { auc } }),
        );
        ports.versions.add(...versions);

        const holders = new Map<string, { versionId: string; aliasVersion: number }>();
        const expectedEvents: Record<string, unknown>[] = [];
        for (const { alias, candidate, stale } of sequence) {
          const version = versions[candidate % versions.length];
          const held = holders.get(alias);
          // A stale If-Match names a version the alias is not at (or claims one for a new alias).
          const expectedVersion = stale ? (held?.aliasVersion ?? 0) + 1 : held?.aliasVersion;
          const allowed = !stale && mayTake(alias, version);

          const outcome = await handler
            .execute({ modelId: model.id, alias, versionId: version.id, expectedVersion, actorId: REVIEWER })
            .catch((error: unknown) => error);

          if (allowed) {
            const aliasVersion = (held?.aliasVersion ?? 0) + 1;
            holders.set(alias, { versionId: version.id, aliasVersion });
            expectedEvents.push({
              alias,
              versionId: version.id,
              previousVersionId: held?.versionId ?? null,
              aliasVersion,
            });
          } else if (!stale) {
            expect(outcome).toBeInstanceOf(PromotionRefused);
          } else {
            expect(outcome).toBeInstanceOf(Error);
          }
        }

        for (const alias of ALIASES) {
          expect((await ports.aliases.find(model.id, alias))?.versionId).toBe(holders.get(alias)?.versionId);
        }
        const champion = versions.find((version) => version.id === holders.get('champion')?.versionId);
        if (champion) expect(champion.status).toBe('Approved');
        expect(ports.events.published.map(({ payload }) => payload)).toEqual(
          expectedEvents.map((event) => expect.objectContaining(event)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('moves a candidate exactly when it meets every threshold (and is Approved for a protected alias), else names each failure', async () => {
    const thresholds = fc.array(
      fc.record({ operator: fc.constantFrom(...METRIC_OPERATORS), value: fc.integer({ min: 0, max: 10 }) }),
      { maxLength: 4 },
    );
    const holds = (value: number, operator: MetricOperator, threshold: number) =>
      ({ '>=': value >= threshold, '>': value > threshold, '<=': value <= threshold, '<': value < threshold })[
        operator
      ];
    await fc.assert(
      fc.asyncProperty(
        thresholds,
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        fc.constantFrom<ModelVersion['status']>('PendingManualApproval', 'Approved', 'Rejected'),
        async (rules, score, isProtected, status) => {
          const ports = fakeModelRegistryPorts();
          const handler = moveAliasHandler(ports);
          const model = withPolicy(
            aModel(),
            'production',
            rules.map(({ operator, value }) => ({ rule: 'metric-threshold', metric: 'score', operator, value })),
            isProtected,
          );
          ports.models.add(model);
          const version = aVersion(model, status, { metrics: { score } });
          ports.versions.add(version);
          const failing =
            rules.filter(({ operator, value }) => !holds(score, operator, value)).length +
            (isProtected && status !== 'Approved' ? 1 : 0);

          const outcome = await handler
            .execute({ modelId: model.id, alias: 'production', versionId: version.id, actorId: REVIEWER })
            .catch((error: unknown) => error);

          const landed = (await ports.aliases.find(model.id, 'production'))?.versionId;
          if (failing === 0) {
            expect(landed).toBe(version.id);
          } else {
            expect(landed).toBeUndefined();
            expect((outcome as PromotionRefused).failedRules).toHaveLength(failing);
            expect(ports.events.published).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
