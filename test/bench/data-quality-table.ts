import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
export const HEADER = [
  'id',
  'customer_id',
  'category',
  'amount',
  'quantity',
  'email',
  'country',
  'score',
  'created_at',
  'status',
];
export const CATEGORIES = ['books', 'games', 'music', 'garden'];
export const COUNTRIES = ['FR', 'DE', 'US', 'JP', 'BR'];
export const STATUSES = ['new', 'paid', 'shipped'];

/**
 * Writes the bench's 10-column CSV a chunk at a time (never the whole file in memory), with a
 * planted defect every few thousand rows so each check finds a few failing rows.
 */
export async function writeOrdersCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  let chunk = '';
  for (let row = 1; row <= ROWS; row += 1) {
    chunk += line(row);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function line(row: number): string {
  const id = row % 250_000 === 0 ? row - 1 : row;
  const customer = row % 7_001 === 0 ? '' : String(row % 50_000);
  const category = row % 9_001 === 0 ? 'toys' : CATEGORIES[row % CATEGORIES.length];
  const amount = row % 11_001 === 0 ? 5_000 : ((row * 37) % 100_000) / 100;
  const quantity = 1 + (row % 20);
  const email = row % 13_001 === 0 ? 'not-an-email' : `user${row % 90_000}@example.com`;
  const country = COUNTRIES[row % COUNTRIES.length];
  const score = ((row * 7919) % 1000) / 1000;
  const day = 1 + (row % 28);
  const createdAt = `2026-11-${day < 10 ? '0' : ''}${day} ${String(row % 24).padStart(2, '0')}:00:00`;
  return `${id},${customer},${category},${amount},${quantity},${email},${country},${score},${createdAt},${STATUSES[row % 3]}\n`;
}
