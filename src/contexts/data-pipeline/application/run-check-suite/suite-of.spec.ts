import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import fc from 'fast-check';
import type { CheckSuiteInput } from '../../domain/checks/check-suite.js';
import { suiteOf } from './suite-of.js';

const KINDS = [
  'not_null',
  'unique',
  'accepted_values',
  'between',
  'regex',
  'relationships',
  'custom_sql',
  'row_count_between',
  'schema',
  'freshness',
  'psi_drift',
  'ks_drift',
  'unknown',
];
const FIELDS = [
  'name',
  'severity',
  'threshold',
  'column',
  'columns',
  'values',
  'min',
  'max',
  'pattern',
  'reference',
  'referenceColumns',
  'expression',
  'schema',
  'allowAdditiveColumns',
  'maxAgeSeconds',
  'binning',
  'bins',
  'maxPsi',
  'maxStatistic',
  'minPValue',
];

/** A check of a known kind whose other fields hold anything JSON can, as a hostile client would send. */
const hostileCheck = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    fields: fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue(), { maxKeys: 6 }),
  })
  .map(({ kind, fields }) => ({ ...fields, kind }));

describe('suiteOf', () => {
  it('answers a suite or refuses it with a ValidationError naming checks[i] fields, whatever the checks hold', () => {
    fc.assert(
      fc.property(fc.array(hostileCheck, { maxLength: 4 }), fc.option(fc.jsonValue()), (checks, limit) => {
        // Deliberate misuse: the request body is validated only as an array of objects before this.
        const input = { checks, failingKeyLimit: limit ?? undefined } as unknown as CheckSuiteInput;
        try {
          suiteOf(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          const fields = ((error as ValidationError).errors ?? []).map((problem) => problem.field);
          expect(fields.length).toBeGreaterThan(0);
          for (const field of fields) expect(field).toMatch(/^(checks(\[\d+\](\..+)?)?|failingKeyLimit)$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
