import { createReadStream } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse';
import type { DuckDbSettings } from '../../src/contexts/data-pipeline/infrastructure/duckdb/duckdb-settings.js';
import type { CheckCounts } from './data-quality-checks.js';
import { CATEGORIES, COUNTRIES, STATUSES } from './data-quality-table.js';

const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * The floor: the ten checks as one query an expert would write by hand, one scan of the file,
 * grouped by id so that duplicate ids are counted in the same pass. Counts only, no keys.
 */
export async function floorCounts(path: string, settings: DuckDbSettings): Promise<CheckCounts> {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: settings.memoryLimit,
    temp_directory: settings.tempDirectory,
    threads: String(settings.threads),
  });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`
      SELECT sum(n) FILTER (WHERE n > 1 AND id IS NOT NULL), sum(customer), sum(category), sum(amount), sum(quantity),
             sum(email), sum(country), sum(score), sum(status), sum(n)
      FROM (
        SELECT id, count(*) AS n,
          count(*) FILTER (WHERE customer_id IS NULL) AS customer,
          count(*) FILTER (WHERE category NOT IN (${list(CATEGORIES)})) AS category,
          count(*) FILTER (WHERE amount < 0 OR amount > 1000) AS amount,
          count(*) FILTER (WHERE quantity < 1 OR quantity > 100) AS quantity,
          count(*) FILTER (WHERE NOT regexp_full_match(email, '[a-z0-9.]+@[a-z0-9.]+')) AS email,
          count(*) FILTER (WHERE country NOT IN (${list(COUNTRIES)})) AS country,
          count(*) FILTER (WHERE score < 0 OR score > 1) AS score,
          count(*) FILTER (WHERE status NOT IN (${list(STATUSES)})) AS status
        FROM read_csv('${path}', header = true) GROUP BY id
      )`);
    return reader.getRowsJS()[0].map((value) => Number(value));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const EMAIL = /^[a-z0-9.]+@[a-z0-9.]+$/;
const CATEGORY_SET = new Set(CATEGORIES);
const COUNTRY_SET = new Set(COUNTRIES);
const STATUS_SET = new Set(STATUSES);

/** What a hand-written validator does: stream the file through csv-parse and count in JS, a Map of ids for uniqueness. */
export async function csvParseCounts(path: string): Promise<CheckCounts> {
  const counts = new Array<number>(9).fill(0);
  const ids = new Map<string, number>();
  let rows = 0;
  const records = createReadStream(path).pipe(parse({ from_line: 2 }));
  for await (const record of records as AsyncIterable<string[]>) {
    const [id, customer, category, amount, quantity, email, country, score, , status] = record;
    rows += 1;
    if (id !== '') ids.set(id, (ids.get(id) ?? 0) + 1);
    if (customer === '') counts[1] += 1;
    if (category !== '' && !CATEGORY_SET.has(category)) counts[2] += 1;
    if (outside(amount, 0, 1000)) counts[3] += 1;
    if (outside(quantity, 1, 100)) counts[4] += 1;
    if (email !== '' && !EMAIL.test(email)) counts[5] += 1;
    if (country !== '' && !COUNTRY_SET.has(country)) counts[6] += 1;
    if (outside(score, 0, 1)) counts[7] += 1;
    if (status !== '' && !STATUS_SET.has(status)) counts[8] += 1;
  }
  for (const seen of ids.values()) if (seen > 1) counts[0] += seen;
  return [...counts, rows];
}

function outside(text: string, min: number, max: number): boolean {
  if (text === '') return false;
  const value = Number(text);
  return value < min || value > max;
}
