import type { Logger } from '@nestjs/common';
import { SecretNotOpened } from './secret-cipher.js';

/**
 * `rows` read by `read`, but for those holding a secret no configured key opens (its key was
 * dropped too early, or the value was altered): those are logged and left out, so one of them does
 * not stop the work of all the others in a batch (a fan-out, a poller's claim). Other errors throw.
 */
export function openableRows<Row extends { readonly id: string }, Item>(
  rows: readonly Row[],
  read: (row: Row) => Item,
  logger: Pick<Logger, 'error'>,
  what: string,
): Item[] {
  return rows.flatMap((row) => {
    try {
      return [read(row)];
    } catch (error) {
      if (!(error instanceof SecretNotOpened)) throw error;
      logger.error(`${what} ${row.id} left out: ${error.message}`);
      return [];
    }
  });
}
