import type { FieldProblem } from '@libs/ddd';
import { Expression, mergeReferences, type ExpressionReferences } from '../expression/expression.js';
import { Template } from '../expression/template.js';
import { TemplatedValue } from '../expression/templated-value.js';
import { formatField, type FieldPath } from '../field-path.js';
import type { TaskDocument } from './definition-document.js';
import { RetryPolicy } from './retry-policy.js';

export const DEFAULT_PRIORITY = 5;

export interface CacheSpec {
  /** Explicit key template; without one the key is derived from type, params and upstream outputs. */
  readonly key?: Template;
  readonly ttlSeconds: number;
}

/** One task of a definition, with its expressions parsed. */
export class TaskSpec {
  private constructor(
    readonly document: TaskDocument,
    readonly params: TemplatedValue,
    readonly when: Expression | undefined,
    readonly forEach: Expression | undefined,
    readonly cache: CacheSpec | undefined,
    readonly retries: RetryPolicy,
  ) {}

  /** Parses the task's expressions; each one that does not parse is a problem at its field under `at`. */
  static build(document: TaskDocument, at: FieldPath): { task: TaskSpec; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const parse = <T>(field: string, read: () => T): T | undefined => {
      try {
        return read();
      } catch (error) {
        problems.push({ field: formatField([...at, ...field.split('.')]), message: (error as Error).message });
        return undefined;
      }
    };
    const params = TemplatedValue.parse(document.params ?? {}, [...at, 'params']);
    problems.push(...params.problems);
    const when = document.when === undefined ? undefined : parse('when', () => Expression.parseField(document.when!));
    const forEach =
      document.forEach === undefined ? undefined : parse('forEach', () => Expression.parseField(document.forEach!));
    const cacheKey =
      document.cache?.key === undefined ? undefined : parse('cache.key', () => Template.parse(document.cache!.key!));
    const cache = document.cache && { key: cacheKey, ttlSeconds: document.cache.ttlSeconds };
    const task = new TaskSpec(document, params.value, when, forEach, cache, RetryPolicy.from(document.retries));
    return { task, problems };
  }

  get id(): string {
    return this.document.id;
  }

  get type(): string {
    return this.document.type;
  }

  get dependsOn(): readonly string[] {
    return this.document.dependsOn ?? [];
  }

  get priority(): number {
    return this.document.priority ?? DEFAULT_PRIORITY;
  }

  get timeoutMs(): number | undefined {
    return this.document.timeoutMs;
  }

  /** What each expression-bearing field reads, by field, so a problem can point at the field. */
  get referencesByField(): {
    readonly field: 'params' | 'when' | 'forEach' | 'cache.key';
    readonly references: ExpressionReferences;
  }[] {
    return [
      { field: 'params' as const, references: this.params.references },
      ...(this.when ? [{ field: 'when' as const, references: this.when.references }] : []),
      ...(this.forEach ? [{ field: 'forEach' as const, references: this.forEach.references }] : []),
      ...(this.cache?.key ? [{ field: 'cache.key' as const, references: this.cache.key.references }] : []),
    ];
  }

  /** Every task this task's expressions read. */
  get readsTasks(): ReadonlySet<string> {
    return mergeReferences(this.referencesByField.map((entry) => entry.references)).tasks;
  }
}
