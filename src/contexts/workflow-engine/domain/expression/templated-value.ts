import type { FieldProblem } from '@libs/ddd';
import { formatField, type FieldPath } from '../field-path.js';
import { isJsonObject, type JsonValue } from '../json-value.js';
import type { ExpressionScope } from './expression-evaluator.js';
import { mergeReferences, type ExpressionReferences } from './expression.js';
import { Template } from './template.js';

interface Placeholder {
  readonly path: FieldPath;
  readonly template: Template;
}

/** A JSON value (a task's params) whose strings may hold `${{ ... }}` placeholders. */
export class TemplatedValue {
  private constructor(
    readonly raw: JsonValue,
    private readonly placeholders: readonly Placeholder[],
    /** Where placeholders sit, broken ones included: their types are only known once rendered. */
    readonly placeholderPaths: readonly FieldPath[],
  ) {}

  /** Parses every placeholder in `raw`; each broken one is a problem at its own field under `at`. */
  static parse(raw: JsonValue, at: FieldPath): { value: TemplatedValue; problems: FieldProblem[] } {
    const placeholders: Placeholder[] = [];
    const problems: FieldProblem[] = [];
    const paths: FieldPath[] = [];
    const visit = (value: JsonValue, path: FieldPath): void => {
      if (typeof value === 'string' && Template.holdsPlaceholder(value)) {
        paths.push(path);
        try {
          placeholders.push({ path, template: Template.parse(value) });
        } catch (error) {
          problems.push({ field: formatField([...at, ...path]), message: (error as Error).message });
        }
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => visit(item, [...path, index]));
      } else if (isJsonObject(value)) {
        for (const key of Object.keys(value)) visit(value[key], [...path, key]);
      }
    };
    visit(raw, []);
    return { value: new TemplatedValue(raw, placeholders, paths), problems };
  }

  get references(): ExpressionReferences {
    return mergeReferences(this.placeholders.map((placeholder) => placeholder.template.references));
  }

  render(scope: ExpressionScope): JsonValue {
    if (this.placeholders.length === 0) return this.raw;
    const rendered = new Map(this.placeholders.map((placeholder) => [formatField(placeholder.path), placeholder]));
    const copy = (value: JsonValue, path: FieldPath): JsonValue => {
      const placeholder = typeof value === 'string' ? rendered.get(formatField(path)) : undefined;
      if (placeholder !== undefined) return placeholder.template.render(scope);
      if (Array.isArray(value)) return value.map((item, index) => copy(item, [...path, index]));
      if (!isJsonObject(value)) return value;
      return Object.fromEntries(Object.keys(value).map((key) => [key, copy(value[key], [...path, key])]));
    };
    return copy(this.raw, []);
  }
}
