import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { ACTOR, aPinnedVersion, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment, type NewDeployment } from './deployment.js';
import { parseModelReference } from './model-reference.js';

const routing = { mode: 'split' as const, requestKeyHeader: 'X-Request-Key' };

function create(overrides: Partial<NewDeployment> = {}): Deployment {
  return Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing,
    variants: [aVariant('champion', 9), aVariant('challenger', 1)],
    createdBy: ACTOR,
    at: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  });
}

function problemsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return (error.errors ?? []).map((problem) => problem.field);
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('Deployment', () => {
  it('is active once created, with the header of its sticky key in lower case', () => {
    const deployment = create();
    expect(deployment.snapshot).toMatchObject({ name: 'churn', status: 'Active' });
    expect(deployment.routing.requestKeyHeader).toBe('x-request-key');
  });

  it('takes only a DNS label that is not an id as its name, the model name of the inference protocol', () => {
    for (const name of ['Churn', 'churn_model', '-churn', 'a'.repeat(64), '', '0190a6a0-0000-7000-8000-000000000001']) {
      expect(problemsOf(() => create({ name }))).toEqual(['name']);
    }
  });

  it('refuses variants with one problem per broken rule', () => {
    const problems = problemsOf(() =>
      create({
        variants: [
          aVariant('Champion', 1),
          aVariant('twin', 1),
          aVariant('twin', -1),
          aVariant('mirror', 5, { shadow: true }),
          aVariant('remote', 1, { runtime: 'triton' as never }),
        ],
      }),
    );
    expect(problems).toEqual([
      'variants[0].name',
      'variants[2].name',
      'variants[2].weight',
      'variants[3].weight',
      'variants[4].runtime',
    ]);
  });

  it('refuses a deployment whose traffic goes nowhere: no variant, only shadows, or only zero weights', () => {
    expect(problemsOf(() => create({ variants: [] }))).toContain('variants');
    expect(problemsOf(() => create({ variants: [aVariant('mirror', 0, { shadow: true })] }))).toEqual(['variants']);
    expect(problemsOf(() => create({ variants: [aVariant('idle', 0)] }))).toEqual(['variants']);
  });

  it('keeps a minimum of feedback for bandit routing only, 20 unless given, and refuses one out of range', () => {
    expect(create({ routing: { mode: 'bandit', requestKeyHeader: 'X-Request-Key' } }).routing).toEqual({
      mode: 'bandit',
      requestKeyHeader: 'x-request-key',
      minFeedback: 20,
    });
    expect(create({ routing: { mode: 'split', requestKeyHeader: 'x', minFeedback: 5 } }).routing).toEqual({
      mode: 'split',
      requestKeyHeader: 'x',
    });
    expect(problemsOf(() => create({ routing: { mode: 'bandit', requestKeyHeader: 'x', minFeedback: 0 } }))).toEqual([
      'routing.minFeedback',
    ]);
  });

  it('replaces routing and variants as a whole', () => {
    const deployment = create();
    deployment.change({
      routing: { mode: 'sticky', requestKeyHeader: 'X-User' },
      variants: [aVariant('solo', 1)],
      at: new Date('2026-12-02T00:00:00Z'),
    });
    expect(deployment.variants.map((variant) => variant.name)).toEqual(['solo']);
    expect(deployment.routing).toEqual({ mode: 'sticky', requestKeyHeader: 'x-user' });
    expect(deployment.snapshot.updatedAt).toEqual(new Date('2026-12-02T00:00:00Z'));
  });
});

describe('parseModelReference', () => {
  it('reads name@alias and a version id, and refuses anything else', () => {
    expect(parseModelReference(' churn@champion ', 'model')).toEqual({
      kind: 'alias',
      modelName: 'churn',
      alias: 'champion',
    });
    expect(parseModelReference('0190A6A0-0000-7000-8000-000000000001', 'model')).toEqual({
      kind: 'version',
      versionId: '0190a6a0-0000-7000-8000-000000000001',
    });
    for (const text of ['churn', 'churn@', '@champion', 'a@b@c'])
      expect(() => parseModelReference(text, 'model')).toThrow(ValidationError);
  });

  it('re-pins only the variants following the moved alias, and a second delivery changes nothing', () => {
    const deployment = create();
    const next = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000009ff', versionNumber: 7 });
    const at = new Date('2026-12-03T00:00:00Z');

    const rolls = deployment.followAlias('churn', 'champion', next, at);

    expect(rolls.map((roll) => [roll.variant, roll.to.versionNumber])).toEqual([['champion', 7]]);
    expect(deployment.variant('champion')?.version).toEqual(next);
    expect(deployment.variant('challenger')?.version.versionId).not.toBe(next.versionId);
    expect(deployment.snapshot.updatedAt).toEqual(at);
    expect(deployment.followAlias('churn', 'champion', next, at)).toEqual([]);
    expect(deployment.followAlias('other-model', 'challenger', next, at)).toEqual([]);
  });

  it('has cache and batching off unless asked, keeps options a change leaves out, and refuses values out of range', () => {
    const deployment = create({ serving: { cache: { enabled: true } } });
    expect(deployment.serving).toEqual({
      cache: { enabled: true, ttlSeconds: 300 },
      batching: { enabled: false, maxSize: 16, maxWaitMs: 2 },
      logging: { sampleRate: 0, retentionDays: 30 },
      experiment: {
        metric: 'accuracy',
        test: 'fixed-horizon',
        alpha: 0.05,
        minSamples: 100,
        mixtureSd: 0.1,
        promote: { enabled: false, alias: '' },
      },
    });
    deployment.change({
      routing,
      variants: deployment.variants,
      serving: { batching: { enabled: true } },
      at: new Date(),
    });
    expect(deployment.serving).toMatchObject({ cache: { enabled: true }, batching: { enabled: true, maxSize: 16 } });

    const problems = problemsOf(() =>
      create({ serving: { cache: { ttlSeconds: 0 }, batching: { maxSize: 2000, maxWaitMs: 1.5 } } }),
    );
    expect(problems).toEqual(['serving.cache.ttlSeconds', 'serving.batching.maxSize', 'serving.batching.maxWaitMs']);
  });

  it('keeps payload logging off and the experiment passive unless asked, and refuses values out of range', () => {
    const deployment = create({
      serving: { logging: { sampleRate: 0.25 }, experiment: { promote: { enabled: true, alias: 'champion' } } },
    });
    expect(deployment.serving.logging).toEqual({ sampleRate: 0.25, retentionDays: 30 });
    expect(deployment.serving.experiment.promote).toEqual({ enabled: true, alias: 'champion' });

    const problems = problemsOf(() =>
      create({
        serving: {
          logging: { sampleRate: 1.5, retentionDays: 0 },
          experiment: { alpha: 0, minSamples: 1, mixtureSd: 0, promote: { enabled: true } },
        },
      }),
    );
    expect(problems).toEqual([
      'serving.logging.sampleRate',
      'serving.logging.retentionDays',
      'serving.experiment.mixtureSd',
      'serving.experiment.alpha',
      'serving.experiment.minSamples',
      'serving.experiment.promote.alias',
    ]);
  });
});
