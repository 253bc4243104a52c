import { DomainError } from '@libs/ddd';

/** The body names a table source the server has no connection for. */
export class TableSourceUnknown extends DomainError {
  readonly type = 'table-source-unknown';
  readonly kind = 'unprocessable';
  constructor(name: string) {
    super(`There is no table source named ${name}`, [{ field: 'source', message: 'names no configured table source' }]);
  }
}

/** A snapshot query that is not one read-only SELECT, or that the source itself refused. */
export class SnapshotQueryRefused extends DomainError {
  readonly type = 'snapshot-query-refused';
  readonly kind = 'unprocessable';
  constructor(reason: string) {
    super(`The snapshot query is refused: ${reason}`, [{ field: 'query', message: reason }]);
  }
}

/** The source cancelled the query at the configured statement timeout: a retry would time out again. */
export class SnapshotQueryTimedOut extends DomainError {
  readonly type = 'snapshot-query-timed-out';
  readonly kind = 'unprocessable';
  constructor(timeoutMs: number) {
    super(`The snapshot query ran longer than the table sources' statement timeout (${timeoutMs} ms)`, [
      { field: 'query', message: `ran longer than ${timeoutMs} ms` },
    ]);
  }
}

/** The snapshot grew past the largest version file accepted (DATASET_VERSION_MAX_BYTES). */
export class SnapshotTooLarge extends DomainError {
  readonly type = 'snapshot-too-large';
  readonly kind = 'too-large';
  constructor(maxBytes: number) {
    super(`The snapshot is larger than ${maxBytes} bytes`);
  }
}

/** The source could not be reached or refused the connection; its address stays on the server. */
export class TableSourceUnavailable extends DomainError {
  readonly type = 'table-source-unavailable';
  readonly kind = 'unavailable';
  constructor(name: string) {
    super(`The table source ${name} cannot be reached now`);
  }
}
