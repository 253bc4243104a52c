import type { FieldProblem } from '@libs/ddd';
import { columnNameProblem } from '../schema/column-name.js';

/** Field checks shared by the catalogue's validators; each returns the problems it found, or none. */
export function columnProblems(field: string, value: unknown): FieldProblem[] {
  const problem = columnNameProblem(field, value);
  return problem ? [problem] : [];
}

export function columnListProblems(field: string, value: unknown): FieldProblem[] {
  if (!Array.isArray(value) || value.length === 0) return [{ field, message: 'must name at least one column' }];
  if (new Set(value).size !== value.length) return [{ field, message: 'names a column twice' }];
  return value.flatMap((name, index) => columnProblems(`${field}[${index}]`, name));
}

export function finiteProblems(field: string, value: unknown, optional: boolean): FieldProblem[] {
  if (value === undefined && optional) return [];
  return typeof value === 'number' && Number.isFinite(value) ? [] : [{ field, message: 'must be a finite number' }];
}

export function boundsProblems(min: unknown, max: unknown): FieldProblem[] {
  const problems = [...finiteProblems('min', min, true), ...finiteProblems('max', max, true)];
  if (problems.length > 0) return problems;
  if (min === undefined && max === undefined) return [{ field: 'min', message: 'min or max is required' }];
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    return [{ field: 'max', message: 'must not be below min' }];
  return [];
}

export function referenceProblems(value: unknown): FieldProblem[] {
  return typeof value === 'string' && value.length > 0 && value.length <= 255
    ? []
    : [{ field: 'reference', message: 'must name a reference table' }];
}

export function textProblems(field: string, value: unknown, maxLength: number): FieldProblem[] {
  if (typeof value !== 'string' || value.trim().length === 0) return [{ field, message: 'must be a non-empty string' }];
  return value.length <= maxLength ? [] : [{ field, message: `must be at most ${maxLength} characters` }];
}
