import type { TransformOperation } from '../../domain/pipeline/pipeline-definition.js';
import { PipelineStepRefused } from '../../domain/errors.js';
import { duckDbTypeOf } from './column-types.js';
import { MAIN_TABLE } from './row-check-sql.js';
import { columnList, quoteIdentifier } from './sql-text.js';

/** Each row's position in the input, carried through every operation so the output keeps the input's order. */
const POSITION_NAME = '__pipeline_row_position';
export const POSITION = quoteIdentifier(POSITION_NAME);
/** Hash buckets for sample and split: a fraction is kept to a millionth. */
const BUCKETS = 1_000_000;

/** The columns of a query at this point of the chain, for operations whose SQL depends on them. */
export type ColumnsOf = (sql: string) => Promise<readonly string[]>;

/**
 * The query of one operation over the previous one (`from`). User expressions go in only as
 * `(expression)` over the relation named `data`, as the custom-SQL guard has checked them.
 */
export async function compileOperation(
  operation: TransformOperation,
  from: string,
  columnsOf: ColumnsOf,
  joinedTable: (name: string) => string,
): Promise<string> {
  const data = `(${from}) AS ${MAIN_TABLE}`;
  if (namedColumns(operation).includes(POSITION_NAME))
    throw new PipelineStepRefused(`${POSITION_NAME} is a column name the engine keeps for itself`);
  const columns = await columnsOf(from);
  const require = (names: readonly string[]) => {
    const absent = names.filter((name) => !columns.includes(name));
    if (absent.length > 0) throw new PipelineStepRefused(`no column ${absent.join(', ')} in the input`);
  };
  switch (operation.op) {
    case 'select':
      require(operation.columns);
      return `SELECT ${columnList(operation.columns)}, ${POSITION} FROM ${data}`;
    case 'rename': {
      require(Object.keys(operation.columns));
      const pairs = Object.entries(operation.columns).map(
        ([from, to]) => `${quoteIdentifier(from)} AS ${quoteIdentifier(to)}`,
      );
      return `SELECT * RENAME (${pairs.join(', ')}) FROM ${data}`;
    }
    case 'cast': {
      require(Object.keys(operation.columns));
      const casts = Object.entries(operation.columns).map(
        ([name, type]) => `CAST(${quoteIdentifier(name)} AS ${duckDbTypeOf(type)}) AS ${quoteIdentifier(name)}`,
      );
      return `SELECT * REPLACE (${casts.join(', ')}) FROM ${data}`;
    }
    case 'filter':
      return `SELECT * FROM ${data} WHERE coalesce((${operation.expression}), FALSE)`;
    case 'derive': {
      const derived = `(${operation.expression}) AS ${quoteIdentifier(operation.column)}`;
      return columns.includes(operation.column)
        ? `SELECT * REPLACE (${derived}) FROM ${data}`
        : `SELECT *, ${derived} FROM ${data}`;
    }
    case 'deduplicate':
      require(operation.keys);
      // The first row of each key, in input order, is the one kept.
      return `SELECT * FROM ${data} QUALIFY row_number() OVER (PARTITION BY ${columnList(operation.keys)} ORDER BY ${POSITION}) = 1`;
    case 'join':
      return compileJoin(
        operation,
        data,
        columns,
        joinedTable(operation.with),
        await columnsOf(`SELECT * FROM ${joinedTable(operation.with)}`),
      );
    case 'sample':
      return `SELECT * FROM ${data} WHERE ${bucket(operation.seed)} < ${threshold(operation.fraction)}`;
    case 'split':
      return `SELECT * FROM ${data} WHERE ${bucket(operation.seed)} ${operation.part === 'train' ? '<' : '>='} ${threshold(operation.trainFraction)}`;
  }
}

function compileJoin(
  operation: Extract<TransformOperation, { op: 'join' }>,
  data: string,
  columns: readonly string[],
  table: string,
  joinedColumns: readonly string[],
): string {
  const absent = operation.on.filter((name) => !columns.includes(name) || !joinedColumns.includes(name));
  if (absent.length > 0) throw new PipelineStepRefused(`join column ${absent.join(', ')} is not on both sides`);
  const added = joinedColumns.filter((name) => !operation.on.includes(name));
  const clashing = added.filter((name) => columns.includes(name));
  if (clashing.length > 0)
    throw new PipelineStepRefused(
      `the joined table repeats columns ${clashing.join(', ')}: rename or select them first`,
    );
  const on = operation.on.map((name) => `${MAIN_TABLE}.${quoteIdentifier(name)} = joined.${quoteIdentifier(name)}`);
  const picked = added.map((name) => `joined.${quoteIdentifier(name)}`);
  return `SELECT ${[`${MAIN_TABLE}.*`, ...picked].join(', ')} FROM ${data} ${operation.how === 'left' ? 'LEFT' : 'INNER'} JOIN ${table} AS joined ON ${on.join(' AND ')}`;
}

/** A row's bucket depends only on its input position and the seed: the same input, fraction and seed pick the same rows. */
function bucket(seed: number): string {
  return `hash(${POSITION}, ${seed}::UBIGINT) % ${BUCKETS}`;
}

function threshold(fraction: number): number {
  return Math.round(fraction * BUCKETS);
}

/** The columns an operation makes: a derived one, and new names. */
function namedColumns(operation: TransformOperation): string[] {
  if (operation.op === 'derive') return [operation.column];
  if (operation.op === 'rename') return Object.values(operation.columns);
  return [];
}
