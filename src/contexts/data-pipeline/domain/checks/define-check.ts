import { DomainError, ValidationError, type FieldProblem } from '@libs/ddd';
import { DatasetSchema, type DatasetSchemaProps } from '../schema/dataset-schema.js';
import type { Check, CheckLiteral } from './check.js';
import type { CheckInput } from './check-input.js';
import {
  boundsProblems,
  columnListProblems,
  columnProblems,
  finiteProblems,
  referenceProblems,
  textProblems,
} from './check-problems.js';
import { Threshold } from './threshold.js';

const MAX_ACCEPTED_VALUES = 10_000;
const MAX_EXPRESSION_LENGTH = 4_000;
const MAX_BINS = 1_000;

/** Validates a user's check and returns it frozen with its defaults; a refusal lists every problem found. */
export function defineCheck(input: CheckInput): Check {
  const problems = [
    ...textProblems('name', input.name, 200),
    ...severityProblems(input.severity),
    ...kindProblems(input),
  ];
  const threshold = 'threshold' in input ? parseThreshold(input.threshold, problems) : Threshold.ANY_ROW;
  if (problems.length > 0)
    throw new ValidationError(`Check ${String(input.name)} is invalid`, problems, 'invalid-check');
  const severity = input.severity ?? 'error';
  switch (input.kind) {
    case 'schema':
      return freeze({
        ...input,
        severity,
        schema: DatasetSchema.of(input.schema),
        allowAdditiveColumns: input.allowAdditiveColumns ?? true,
      });
    case 'psi_drift':
      return freeze({ ...input, severity, binning: input.binning ?? 'categorical', bins: input.bins ?? 10 });
    case 'row_count_between':
    case 'freshness':
    case 'ks_drift':
      return freeze({ ...input, severity });
    default:
      return freeze({ ...input, severity, threshold });
  }
}

function kindProblems(input: CheckInput): FieldProblem[] {
  switch (input.kind) {
    case 'not_null':
    case 'regex':
      return [
        ...columnProblems('column', input.column),
        ...(input.kind === 'regex' ? patternProblems(input.pattern) : []),
      ];
    case 'unique':
      return columnListProblems('columns', input.columns);
    case 'accepted_values':
      return [...columnProblems('column', input.column), ...acceptedValuesProblems(input.values)];
    case 'between':
      return [...columnProblems('column', input.column), ...boundsProblems(input.min, input.max)];
    case 'relationships':
      return relationshipsProblems(input);
    case 'custom_sql':
      return textProblems('expression', input.expression, MAX_EXPRESSION_LENGTH);
    case 'row_count_between':
      return boundsProblems(input.min, input.max);
    case 'schema':
      return schemaProblems(input.schema);
    case 'freshness':
      return [...columnProblems('column', input.column), ...positiveProblems('maxAgeSeconds', input.maxAgeSeconds)];
    case 'psi_drift':
      return psiProblems(input);
    case 'ks_drift':
      return ksProblems(input);
    default:
      return [{ field: 'kind', message: 'is not a check in the catalogue' }];
  }
}

function severityProblems(severity: unknown): FieldProblem[] {
  return severity === undefined || severity === 'warn' || severity === 'error'
    ? []
    : [{ field: 'severity', message: 'must be warn or error' }];
}

function patternProblems(pattern: unknown): FieldProblem[] {
  const problems = textProblems('pattern', pattern, 1_000);
  if (problems.length > 0) return problems;
  try {
    new RegExp(String(pattern), 'u');
    return [];
  } catch {
    return [{ field: 'pattern', message: 'is not a valid regular expression' }];
  }
}

function acceptedValuesProblems(values: readonly CheckLiteral[]): FieldProblem[] {
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_ACCEPTED_VALUES)
    return [{ field: 'values', message: `must list 1 to ${MAX_ACCEPTED_VALUES} values` }];
  const kinds = new Set(values.map((value) => typeof value));
  if (kinds.size !== 1 || ![...kinds].every((kind) => ['string', 'number', 'boolean'].includes(kind)))
    return [{ field: 'values', message: 'must all be strings, all numbers or all booleans' }];
  return values.flatMap((value, index) =>
    typeof value === 'number' ? finiteProblems(`values[${index}]`, value, false) : [],
  );
}

function relationshipsProblems(input: Extract<CheckInput, { kind: 'relationships' }>): FieldProblem[] {
  const problems = [
    ...columnListProblems('columns', input.columns),
    ...columnListProblems('referenceColumns', input.referenceColumns),
    ...referenceProblems(input.reference),
  ];
  if (problems.length === 0 && input.columns.length !== input.referenceColumns.length)
    problems.push({ field: 'referenceColumns', message: 'must pair one to one with columns' });
  return problems;
}

function psiProblems(input: Extract<CheckInput, { kind: 'psi_drift' }>): FieldProblem[] {
  const problems = [...columnProblems('column', input.column), ...referenceProblems(input.reference)];
  problems.push(...positiveProblems('maxPsi', input.maxPsi));
  if (input.binning !== undefined && input.binning !== 'categorical' && input.binning !== 'quantiles')
    problems.push({ field: 'binning', message: 'must be categorical or quantiles' });
  const bins = input.bins;
  if (bins !== undefined && (!Number.isInteger(bins) || bins < 2 || bins > MAX_BINS))
    problems.push({ field: 'bins', message: `must be an integer from 2 to ${MAX_BINS}` });
  return problems;
}

function ksProblems(input: Extract<CheckInput, { kind: 'ks_drift' }>): FieldProblem[] {
  const problems = [...columnProblems('column', input.column), ...referenceProblems(input.reference)];
  if (input.maxStatistic === undefined && input.minPValue === undefined)
    problems.push({ field: 'maxStatistic', message: 'maxStatistic or minPValue is required' });
  if (input.maxStatistic !== undefined && !(input.maxStatistic > 0 && input.maxStatistic < 1))
    problems.push({ field: 'maxStatistic', message: 'must be between 0 and 1' });
  if (input.minPValue !== undefined && !(input.minPValue > 0 && input.minPValue < 1))
    problems.push({ field: 'minPValue', message: 'must be between 0 and 1' });
  return problems;
}

function positiveProblems(field: string, value: unknown): FieldProblem[] {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? []
    : [{ field, message: 'must be a positive number' }];
}

function parseThreshold(text: string | undefined, problems: FieldProblem[]): Threshold {
  if (text === undefined) return Threshold.ANY_ROW;
  return collect(() => Threshold.parse(text), problems) ?? Threshold.ANY_ROW;
}

function schemaProblems(schema: DatasetSchemaProps): FieldProblem[] {
  const problems: FieldProblem[] = [];
  collect(() => DatasetSchema.of(schema), problems);
  return problems.map((problem) => ({ ...problem, field: `schema.${problem.field}` }));
}

function collect<T>(build: () => T, problems: FieldProblem[]): T | undefined {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push(...(error.errors ?? [{ field: 'threshold', message: error.message }]));
    return undefined;
  }
}

function freeze<TCheck extends Check>(check: TCheck): TCheck {
  return Object.freeze(check);
}
