import { seededRandom } from '../../support/data-pipeline/seeded-random.js';

export const CUSTOMER_COLUMNS = ['id', 'email', 'age', 'country', 'region_id'] as const;
export const COUNTRIES = ['DE', 'FR', 'NO', 'SE'];
export const REGIONS = [1, 2, 3, 4, 5];

/** The ids of each planted defect, chosen by a seeded generator so every run plants the same ones. */
export interface PlantedDefects {
  readonly nullEmails: number[];
  /** Pairs of ids sharing one email: both rows of a pair fail the unique check. */
  readonly duplicateEmails: number[];
  readonly outOfRangeAges: number[];
  readonly badCountries: number[];
  readonly orphanRegions: number[];
}

export interface PlantedCustomers {
  readonly csv: string;
  readonly defects: PlantedDefects;
  /** Every id with a defect, ascending. */
  readonly plantedIds: number[];
  readonly rowCount: number;
}

/**
 * `rowCount` customers in a shuffled id order, with a few of each defect planted on distinct ids:
 * a null email, a duplicated email, an age out of 0..120, a country outside the list, a region id
 * no region has. Every other row is clean.
 */
export function plantedCustomers(rowCount: number, seed = 12): PlantedCustomers {
  const random = seededRandom(seed);
  const ids = Array.from({ length: rowCount }, (_, index) => index + 1);
  for (let index = ids.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [ids[index], ids[other]] = [ids[other], ids[index]];
  }
  const chosen = ids.slice(0, 22);
  const defects: PlantedDefects = {
    nullEmails: chosen.slice(0, 4),
    duplicateEmails: chosen.slice(4, 10),
    outOfRangeAges: chosen.slice(10, 14),
    badCountries: chosen.slice(14, 18),
    orphanRegions: chosen.slice(18, 22),
  };
  const duplicateOf = new Map<number, number>();
  for (let index = 0; index < defects.duplicateEmails.length; index += 2)
    duplicateOf.set(defects.duplicateEmails[index + 1], defects.duplicateEmails[index]);
  const lines = ids.map((id) => {
    const email = defects.nullEmails.includes(id) ? '' : `user${duplicateOf.get(id) ?? id}@example.org`;
    const age = defects.outOfRangeAges.includes(id) ? (id % 2 === 0 ? 150 : -3) : 18 + (id % 70);
    const country = defects.badCountries.includes(id) ? 'XX' : COUNTRIES[id % COUNTRIES.length];
    const region = defects.orphanRegions.includes(id) ? 99 : REGIONS[id % REGIONS.length];
    return `${id},${email},${age},${country},${region}`;
  });
  return {
    csv: [CUSTOMER_COLUMNS.join(','), ...lines].join('\n') + '\n',
    defects,
    plantedIds: chosen.slice().sort((a, b) => a - b),
    rowCount,
  };
}
