import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BoundedVariantLabels } from './bounded-variant-labels.js';

describe('the deployment and variant labels of the prediction metrics', () => {
  it('keeps each pair its own labels up to the limit, and counts any later pair as other', () => {
    const labels = new BoundedVariantLabels({ metricsMaxVariants: 2 });

    expect(labels.of({ deploymentId: 'd-1', variant: 'a' })).toEqual({ deployment: 'd-1', variant: 'a' });
    expect(labels.of({ deploymentId: 'd-1', variant: 'b' })).toEqual({ deployment: 'd-1', variant: 'b' });
    expect(labels.of({ deploymentId: 'd-2', variant: 'a' })).toEqual({ deployment: 'other', variant: 'other' });
    expect(labels.of({ deploymentId: 'd-1', variant: 'a' })).toEqual({ deployment: 'd-1', variant: 'a' });
  });

  it('never answers more distinct label pairs than the limit plus other, whatever is measured', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.record({ deploymentId: fc.string({ maxLength: 3 }), variant: fc.string({ maxLength: 2 }) })),
        (limit, measured) => {
          const labels = new BoundedVariantLabels({ metricsMaxVariants: limit });
          const seen = new Set(measured.map((by) => JSON.stringify(labels.of(by))));
          seen.delete(JSON.stringify({ deployment: 'other', variant: 'other' }));
          expect(seen.size).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});
