import { ConflictError, DomainError, ValidationError } from '@libs/ddd';

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

export class DatasetNameTaken extends ConflictError {
  constructor(name: string) {
    super(`The project has a dataset named ${name}`, 'dataset-name-taken');
  }
}

/** A CSV that does not parse, or a value that does not read as its declared type, at a line of the file. */
export class TableContentInvalid extends ValidationError {
  constructor(reason: string, line: number | undefined) {
    super(
      line === undefined ? `The file cannot be read: ${reason}` : `The file cannot be read at line ${line}: ${reason}`,
      [{ field: line === undefined ? 'body' : `body.line[${line}]`, message: reason }],
      'table-content-invalid',
    );
  }
}

/** The file's columns are not the dataset's declared ones: each problem names its column. */
export class SchemaMismatch extends ValidationError {
  constructor(problems: readonly { readonly column: string; readonly message: string }[]) {
    super(
      `The file does not match the declared schema: ${problems.map((problem) => problem.column).join(', ')}`,
      problems.map((problem) => ({ field: `columns.${problem.column}`, message: problem.message })),
      'schema-mismatch',
    );
  }
}

/** A registered object must lie under the project's own prefix, so no project reads another's objects. */
export class ObjectKeyOutsideProject extends ValidationError {
  constructor(prefix: string) {
    super(
      `The object key must start with ${prefix}`,
      [{ field: 'objectKey', message: `must start with ${prefix}` }],
      'object-key-outside-project',
    );
  }
}

export class RegisteredObjectMissing extends ValidationError {
  constructor() {
    super(
      'There is no object at that key',
      [{ field: 'objectKey', message: 'names no object' }],
      'registered-object-missing',
    );
  }
}

export class PipelineNameTaken extends ConflictError {
  constructor(name: string) {
    super(`The project has a pipeline named ${name}`, 'pipeline-name-taken');
  }
}

/**
 * A definition well-formed on its own that does not fit the project (422): a dataset or version it
 * names, a version's columns, a suite, an expression the engine refuses.
 */
export class PipelineDefinitionUnfit extends DomainError {
  readonly type = 'pipeline-definition-unfit';
  readonly kind = 'unprocessable';
  constructor(problems: readonly { readonly field: string; readonly message: string }[]) {
    super('The pipeline definition does not fit the project', problems);
  }
}

/** A pipeline step the engine could not carry out on the data it got: a missing column, a value that does not cast. */
export class PipelineStepRefused extends ValidationError {
  constructor(reason: string) {
    super(`The step cannot run: ${reason}`, [{ field: 'step', message: reason }], 'pipeline-step-refused');
  }
}
