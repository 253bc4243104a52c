import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { aVariant } from '../../../../../test/support/prediction/prediction-objects.js';
import { seededRandom } from '../../../../../test/support/data-pipeline/seeded-random.js';
import { pickByWeight, routeRequest, stickyPoint, type Routing } from './traffic-router.js';

const split: Routing = { mode: 'split', requestKeyHeader: 'x-request-key' };
const sticky: Routing = { mode: 'sticky', requestKeyHeader: 'x-request-key' };
const champion = aVariant('champion', 90);
const challenger = aVariant('challenger', 10);

describe('routeRequest', () => {
  it('lands a 90/10 split over 10,000 requests within 2 points of 90/10', () => {
    const random = seededRandom(7);
    const counts = { champion: 0, challenger: 0 };
    for (let request = 0; request < 10_000; request += 1) {
      const { primary } = routeRequest([champion, challenger], split, { random });
      counts[primary.name as keyof typeof counts] += 1;
    }
    expect(Math.abs(counts.champion / 10_000 - 0.9)).toBeLessThan(0.02);
    expect(Math.abs(counts.challenger / 10_000 - 0.1)).toBeLessThan(0.02);
  });

  it('spreads sticky keys by the weights too: 10,000 users land within 2 points of 90/10', () => {
    const landed = Array.from(
      { length: 10_000 },
      (_, user) =>
        routeRequest([champion, challenger], sticky, { requestKey: `user-${user}`, random: () => 0 }).primary,
    );
    const onChampion = landed.filter((variant) => variant.name === 'champion').length / 10_000;
    expect(Math.abs(onChampion - 0.9)).toBeLessThan(0.02);
  });

  it('never moves a sticky key to another variant, whatever the random draws', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.array(fc.double({ min: 0, max: 0.9999, noNaN: true })),
        (key, draws) => {
          const first = routeRequest([champion, challenger], sticky, { requestKey: key, random: () => 0.5 }).primary;
          return draws.every(
            (draw) =>
              routeRequest([champion, challenger], sticky, { requestKey: key, random: () => draw }).primary === first,
          );
        },
      ),
    );
  });

  it('draws at random for a sticky request that carries no key', () => {
    const low = routeRequest([champion, challenger], sticky, { random: () => 0.05 }).primary;
    const high = routeRequest([champion, challenger], sticky, { random: () => 0.95 }).primary;
    expect([low.name, high.name]).toEqual(['champion', 'challenger']);
  });

  it('never routes the caller to a shadow or a variant of weight 0, and copies every request to the shadows', () => {
    const shadow = aVariant('shadow', 0, { shadow: true });
    const idle = aVariant('idle', 0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9999, noNaN: true }), (draw) => {
        const route = routeRequest([shadow, idle, champion], split, { random: () => draw });
        return route.primary === champion && route.shadows.length === 1 && route.shadows[0] === shadow;
      }),
    );
  });
});

describe('pickByWeight', () => {
  it('gives each candidate the interval of its weight', () => {
    const candidates = [{ weight: 1 }, { weight: 3 }];
    expect([0, 0.24, 0.25, 0.99].map((point) => candidates.indexOf(pickByWeight(candidates, point)))).toEqual([
      0, 0, 1, 1,
    ]);
  });
});

describe('stickyPoint', () => {
  it('is a point in [0, 1) that depends on the key alone', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        const point = stickyPoint(key);
        return point >= 0 && point < 1 && stickyPoint(key) === point;
      }),
    );
    expect(stickyPoint('user-1')).not.toBe(stickyPoint('user-2'));
  });
});
