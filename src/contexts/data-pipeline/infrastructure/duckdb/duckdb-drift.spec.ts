import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { normalSample, seededRandom } from '../../../../../test/support/data-pipeline/seeded-random.js';
import { TableDirectory } from '../../../../../test/support/data-pipeline/table-files.js';
import type { TableFile } from '../../application/ports/query-engine.js';
import type { CheckResult } from '../../domain/checks/check-result.js';
import { CheckSuite } from '../../domain/checks/check-suite.js';
import { DuckDbQueryEngine } from './duckdb-query-engine.js';

const SIZE = 5_000;
const CATEGORIES = ['a', 'b', 'c'];

/** A batch with a numeric column drawn from N(mean, 1) and a category drawn with the given weights. */
async function batch(
  directory: TableDirectory,
  name: string,
  seed: number,
  mean: number,
  weights: readonly number[],
): Promise<TableFile> {
  const random = seededRandom(seed);
  const values = normalSample(random, SIZE, mean, 1);
  const rows = values.map((value, index) => ({ id: index, value, category: category(random(), weights) }));
  return { path: await directory.jsonl(name, rows), format: 'jsonl' };
}

function category(uniform: number, weights: readonly number[]): string {
  let cumulative = 0;
  const index = weights.findIndex((weight) => (cumulative += weight) > uniform);
  return CATEGORIES[index === -1 ? weights.length - 1 : index];
}

describe('DuckDbQueryEngine drift checks', () => {
  let directory: TableDirectory;
  let engine: DuckDbQueryEngine;
  let reference: TableFile;

  beforeAll(async () => {
    directory = await TableDirectory.create();
    engine = new DuckDbQueryEngine({ memoryLimit: '256MB', tempDirectory: directory.spillPath, threads: 1 });
    reference = await batch(directory, 'reference.jsonl', 1, 0, [0.5, 0.3, 0.2]);
  });

  afterAll(async () => {
    await directory.remove();
  });

  async function driftOf(table: TableFile): Promise<readonly CheckResult[]> {
    return engine.runSuite({
      table,
      primaryKey: ['id'],
      suite: CheckSuite.of({
        checks: [
          { name: 'ks', kind: 'ks_drift', column: 'value', reference: 'last', minPValue: 0.01 },
          {
            name: 'psi binned',
            kind: 'psi_drift',
            column: 'value',
            reference: 'last',
            binning: 'quantiles',
            bins: 10,
            maxPsi: 0.1,
          },
          { name: 'psi categories', kind: 'psi_drift', column: 'category', reference: 'last', maxPsi: 0.1 },
        ],
      }),
      references: new Map([['last', reference]]),
      at: new Date(),
    });
  }

  it('does not flag a resample of the same distributions', async () => {
    const results = await driftOf(await batch(directory, 'resample.jsonl', 2, 0, [0.5, 0.3, 0.2]));
    expect(results.map((result) => result.status)).toEqual(['pass', 'pass', 'pass']);
    expect(results[0].details.pValue).toBeGreaterThan(0.01);
    expect(results[1].observedValue).toBeLessThan(0.02);
    expect(results[2].observedValue).toBeLessThan(0.02);
  });

  it('flags a mean shifted by half a deviation and reweighted categories', async () => {
    const results = await driftOf(await batch(directory, 'shifted.jsonl', 3, 0.5, [0.3, 0.3, 0.4]));
    expect(results.map((result) => result.status)).toEqual(['fail', 'fail', 'fail']);
    // D of N(0.5, 1) against N(0, 1) is 2 * Phi(0.25) - 1 = 0.197 in the limit.
    expect(results[0].observedValue).toBeCloseTo(0.197, 1);
    expect(results[0].details.pValue).toBeLessThan(1e-6);
    expect(results[1].observedValue).toBeGreaterThan(0.2);
    expect(results[2].observedValue).toBeGreaterThan(0.2);
  });
});
