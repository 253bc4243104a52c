import type { FieldProblem } from '@libs/ddd';
import type { PipelineDefinition, TransformOperation } from './pipeline-definition.js';

/** A step's output columns, when they can be known before a run (an extract of a dataset version). */
type Known = readonly string[] | undefined;

/**
 * The columns each step's operations name that its input will not have, where the input's columns
 * can be known before running: extracts of dataset versions have their recorded schema, and each
 * operation tells how it changes the columns. Expressions are left to the engine at run time.
 */
export function unknownColumnProblems(
  definition: PipelineDefinition,
  extractColumns: ReadonlyMap<string, readonly string[]>,
): FieldProblem[] {
  const outputs = new Map<string, Known>();
  const problems: FieldProblem[] = [];
  definition.steps.forEach((step, index) => {
    const at = `steps[${index}]`;
    if (step.kind === 'extract') outputs.set(step.name, extractColumns.get(step.name));
    else if (step.kind === 'transform') {
      let columns = outputs.get(step.input);
      step.operations.forEach((operation, position) => {
        const named = (field: string, names: readonly string[], within: Known = columns) =>
          missing(problems, `${at}.operations[${position}].${field}`, names, within);
        columns = after(operation, columns, named, (name) => outputs.get(name));
      });
      outputs.set(step.name, columns);
    } else if (step.kind === 'validate') {
      const columns = outputs.get(step.input);
      missing(problems, `${at}.key`, step.key, columns);
      step.suite.checks.forEach((check, index) => {
        for (const [field, names] of checkedColumns(check))
          missing(problems, `${at}.suite.checks[${index}].${field}`, names, columns);
      });
      outputs.set(step.name, columns);
    }
  });
  return problems;
}

function after(
  operation: TransformOperation,
  columns: Known,
  named: (field: string, names: readonly string[], within?: Known) => void,
  outputOf: (step: string) => Known,
): Known {
  switch (operation.op) {
    case 'select':
      named('columns', operation.columns);
      return operation.columns;
    case 'rename': {
      named('columns', Object.keys(operation.columns));
      return columns?.map((name) => operation.columns[name] ?? name);
    }
    case 'cast':
      named('columns', Object.keys(operation.columns));
      return columns;
    case 'derive':
      return columns && [...columns.filter((name) => name !== operation.column), operation.column];
    case 'deduplicate':
      named('keys', operation.keys);
      return columns;
    case 'join': {
      const joined = outputOf(operation.with);
      named('on', operation.on);
      named('on', operation.on, joined);
      return columns && joined && [...columns, ...joined.filter((name) => !operation.on.includes(name))];
    }
    default:
      return columns;
  }
}

function missing(problems: FieldProblem[], field: string, names: readonly string[], within: Known): void {
  if (!within) return;
  const absent = names.filter((name) => !within.includes(name));
  if (absent.length > 0)
    problems.push({ field, message: `names columns the input does not have: ${absent.join(', ')}` });
}

/** The columns a check names of the checked table (`column` or `columns`; a reference's columns are the reference's). */
function checkedColumns(check: unknown): [string, readonly string[]][] {
  if (typeof check !== 'object' || check === null) return [];
  const { column, columns } = check as { column?: unknown; columns?: unknown };
  const named: [string, readonly string[]][] = [];
  if (typeof column === 'string') named.push(['column', [column]]);
  if (Array.isArray(columns) && columns.every((name) => typeof name === 'string')) named.push(['columns', columns]);
  return named;
}
