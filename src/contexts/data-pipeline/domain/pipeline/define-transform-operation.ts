import { COLUMN_TYPES, type ColumnType } from '../schema/column-type.js';
import type { DefinitionReader } from './definition-reader.js';
import type { TransformOperation } from './pipeline-definition.js';

const OPERATIONS = ['select', 'rename', 'cast', 'filter', 'derive', 'deduplicate', 'join', 'sample', 'split'] as const;

/** One operation of a transform step as the client sent it; undefined when it has a problem (recorded in `reader`). */
export function defineTransformOperation(
  reader: DefinitionReader,
  input: unknown,
  at: string,
): TransformOperation | undefined {
  const fields = reader.object(input, at);
  if (!fields) return undefined;
  const op = reader.oneOf(fields.op, `${at}.op`, OPERATIONS);
  switch (op) {
    case 'select': {
      const columns = reader.columns(fields.columns, `${at}.columns`);
      return columns && { op, columns };
    }
    case 'rename': {
      const columns = columnMap(reader, fields.columns, `${at}.columns`, (value, field) => reader.column(value, field));
      if (columns && new Set(Object.values(columns)).size !== Object.keys(columns).length)
        reader.problem(`${at}.columns`, 'must not give two columns the same new name');
      return columns && { op, columns };
    }
    case 'cast': {
      const columns = columnMap(reader, fields.columns, `${at}.columns`, (value, field) =>
        reader.oneOf<ColumnType>(value, field, COLUMN_TYPES),
      );
      return columns && { op, columns };
    }
    case 'filter': {
      const expression = reader.text(fields.expression, `${at}.expression`);
      return expression === undefined ? undefined : { op, expression };
    }
    case 'derive': {
      const column = reader.column(fields.column, `${at}.column`);
      const expression = reader.text(fields.expression, `${at}.expression`);
      return column && expression ? { op, column, expression } : undefined;
    }
    case 'deduplicate': {
      const keys = reader.columns(fields.keys, `${at}.keys`);
      return keys && { op, keys };
    }
    case 'join': {
      const joined = reader.text(fields.with, `${at}.with`, 100);
      const on = reader.columns(fields.on, `${at}.on`);
      const how = reader.oneOf(fields.how, `${at}.how`, ['inner', 'left'] as const, 'inner');
      return joined && on && how ? { op, with: joined, on, how } : undefined;
    }
    case 'sample': {
      const fraction = reader.fraction(fields.fraction, `${at}.fraction`);
      const seed = reader.seed(fields.seed, `${at}.seed`);
      return fraction !== undefined && seed !== undefined ? { op, fraction, seed } : undefined;
    }
    case 'split': {
      const part = reader.oneOf(fields.part, `${at}.part`, ['train', 'test'] as const);
      const trainFraction = reader.fraction(fields.trainFraction, `${at}.trainFraction`);
      const seed = reader.seed(fields.seed, `${at}.seed`);
      return part && trainFraction !== undefined && seed !== undefined ? { op, part, trainFraction, seed } : undefined;
    }
    default:
      return undefined;
  }
}

/** `{ column: value }` with every column name and value checked; undefined when any is bad or there is none. */
function columnMap<T>(
  reader: DefinitionReader,
  input: unknown,
  at: string,
  valueOf: (value: unknown, field: string) => T | undefined,
): Record<string, T> | undefined {
  const fields = reader.object(input, at);
  if (!fields) return undefined;
  const entries = Object.entries(fields);
  if (entries.length === 0) reader.problem(at, 'must name at least one column');
  const read = entries.map(([name, value]) => [reader.column(name, at), valueOf(value, `${at}.${name}`)] as const);
  if (entries.length === 0 || read.some(([name, value]) => name === undefined || value === undefined)) return undefined;
  const map: Record<string, T> = {};
  for (const [name, value] of read) if (name !== undefined && value !== undefined) map[name] = value;
  return map;
}
