import type { JsonValue } from '../json-value.js';
import { ExpressionInvalid } from './expression-errors.js';
import { evaluateExpression, type ExpressionScope } from './expression-evaluator.js';
import { parseExpression } from './expression-parser.js';
import type { ExpressionNode } from './expression-syntax.js';

/** What an expression reads; validation checks these against the DAG and the task's fan-out. */
export interface ExpressionReferences {
  readonly tasks: ReadonlySet<string>;
  readonly params: ReadonlySet<string>;
  readonly usesItem: boolean;
}

/** A parsed expression and the references it makes. */
export class Expression {
  private constructor(
    readonly source: string,
    private readonly syntax: ExpressionNode,
    readonly references: ExpressionReferences,
  ) {}

  /** Parses `source`; throws ExpressionInvalid when it is not a well-formed expression. */
  static parse(source: string): Expression {
    const syntax = parseExpression(source);
    return new Expression(source, syntax, collectReferences(syntax));
  }

  /**
   * Parses a field that holds one expression (`when`, `forEach`): written bare (`params.n > 1`) or
   * wrapped in one placeholder (`${{ params.n > 1 }}`), as GitHub Actions accepts for `if`.
   */
  static parseField(text: string): Expression {
    const trimmed = text.trim();
    const inner = trimmed.slice(3, -2);
    const wrapped = trimmed.startsWith('${{') && trimmed.endsWith('}}') && !inner.includes('}}');
    return Expression.parse(wrapped ? inner : text);
  }

  evaluate(scope: ExpressionScope): JsonValue {
    return evaluateExpression(this.syntax, scope);
  }
}

export function mergeReferences(all: readonly ExpressionReferences[]): ExpressionReferences {
  return {
    tasks: new Set(all.flatMap((references) => [...references.tasks])),
    params: new Set(all.flatMap((references) => [...references.params])),
    usesItem: all.some((references) => references.usesItem),
  };
}

function collectReferences(root: ExpressionNode): ExpressionReferences {
  const tasks = new Set<string>();
  const params = new Set<string>();
  let usesItem = false;
  const visit = (node: ExpressionNode): void => {
    const taskId = staticKeyUnder('tasks', node);
    if (taskId !== undefined) {
      tasks.add(taskId);
      return;
    }
    const param = staticKeyUnder('params', node);
    if (param !== undefined) params.add(param);
    switch (node.kind) {
      case 'root':
        // A task is named statically so the upstream check can see it; `tasks[x]` would hide it.
        if (node.name === 'tasks')
          throw new ExpressionInvalid("'tasks' must be followed by a task id, as in tasks.train");
        usesItem ||= node.name === 'item';
        return;
      case 'property':
        return visit(node.object);
      case 'index':
        visit(node.object);
        return visit(node.index);
      case 'unary':
        return visit(node.operand);
      case 'binary':
        visit(node.left);
        return visit(node.right);
      case 'call':
        return node.args.forEach(visit);
      case 'list':
        return node.items.forEach(visit);
      case 'literal':
        return;
    }
  };
  visit(root);
  return { tasks, params, usesItem };
}

/** The key in `root.key` or `root['key']`, when `node` is exactly that. */
function staticKeyUnder(root: string, node: ExpressionNode): string | undefined {
  if (node.kind === 'property' && node.object.kind === 'root' && node.object.name === root) return node.name;
  if (node.kind !== 'index' || node.object.kind !== 'root' || node.object.name !== root) return undefined;
  return node.index.kind === 'literal' && typeof node.index.value === 'string' ? node.index.value : undefined;
}
