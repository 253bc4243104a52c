import { ValidationError } from '@libs/ddd';

/** A file that is not the table it claims to be: malformed CSV or JSON, a value that does not cast to its declared type. */
export class TableUnreadable extends ValidationError {
  constructor(table: string, reason: string) {
    super(`The ${table} table cannot be read: ${reason}`, [{ field: table, message: reason }], 'table-unreadable');
  }
}

/** A suite names a reference table its run did not supply. */
export class ReferenceTableMissing extends ValidationError {
  constructor(names: readonly string[]) {
    super(
      `The suite reads reference tables that were not given: ${names.join(', ')}`,
      names.map((name) => ({ field: `references.${name}`, message: 'is not supplied' })),
      'reference-table-missing',
    );
  }
}
