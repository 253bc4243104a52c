import { canonicalJson } from '../canonical-json.js';
import { isJsonObject, type JsonValue } from '../json-value.js';
import { ExpressionEvaluationFailed } from './expression-errors.js';
import { callFunction } from './expression-functions.js';
import { asText } from './expression-text.js';
import {
  FORBIDDEN_PROPERTY_NAMES,
  type BinaryOperator,
  type ExpressionNode,
  type ExpressionRoot,
} from './expression-syntax.js';

/** What the roots of an expression stand for while it is evaluated; a missing root reads as null. */
export type ExpressionScope = Readonly<Partial<Record<ExpressionRoot, JsonValue>>>;

/** JavaScript's falsy values, minus `undefined` and NaN, which JSON cannot carry. */
export function isTruthy(value: JsonValue): boolean {
  return value !== null && value !== false && value !== 0 && value !== '';
}

/**
 * Walks a parsed expression. It reads own properties of plain JSON data only, so no prototype, getter
 * or function is ever reached; a missing property reads as null, as in GitHub Actions expressions.
 */
export function evaluateExpression(node: ExpressionNode, scope: ExpressionScope): JsonValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'root':
      return Object.hasOwn(scope, node.name) ? (scope[node.name] ?? null) : null;
    case 'property':
      return readProperty(evaluateExpression(node.object, scope), node.name);
    case 'index':
      return readIndex(evaluateExpression(node.object, scope), evaluateExpression(node.index, scope));
    case 'list':
      return node.items.map((item) => evaluateExpression(item, scope));
    case 'call':
      return callFunction(
        node.name,
        node.args.map((arg) => evaluateExpression(arg, scope)),
      );
    case 'unary': {
      const operand = evaluateExpression(node.operand, scope);
      return node.operator === '!' ? !isTruthy(operand) : -requireNumber(operand, '-');
    }
    case 'binary':
      return evaluateBinary(node.operator, node.left, node.right, scope);
  }
}

function readProperty(object: JsonValue, name: string): JsonValue {
  return isJsonObject(object) && Object.hasOwn(object, name) ? object[name] : null;
}

function readIndex(object: JsonValue, index: JsonValue): JsonValue {
  if (typeof index === 'string') {
    if (FORBIDDEN_PROPERTY_NAMES.has(index)) throw new ExpressionEvaluationFailed(`property '${index}' is not allowed`);
    return readProperty(object, index);
  }
  if (typeof index === 'number' && Number.isInteger(index)) {
    return Array.isArray(object) && index >= 0 && index < object.length ? object[index] : null;
  }
  throw new ExpressionEvaluationFailed('an index must be a string or a whole number');
}

function evaluateBinary(
  operator: BinaryOperator,
  leftNode: ExpressionNode,
  rightNode: ExpressionNode,
  scope: ExpressionScope,
): JsonValue {
  const left = evaluateExpression(leftNode, scope);
  // `||` and `&&` short-circuit and yield an operand, so `params.x || 'default'` works.
  if (operator === '||') return isTruthy(left) ? left : evaluateExpression(rightNode, scope);
  if (operator === '&&') return isTruthy(left) ? evaluateExpression(rightNode, scope) : left;
  const right = evaluateExpression(rightNode, scope);
  switch (operator) {
    case '==':
      return canonicalJson(left) === canonicalJson(right);
    case '!=':
      return canonicalJson(left) !== canonicalJson(right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(operator, left, right);
    case '+':
      if (typeof left === 'string' || typeof right === 'string') return asText(left) + asText(right);
      return finite(requireNumber(left, '+') + requireNumber(right, '+'));
    default:
      return arithmetic(operator, requireNumber(left, operator), requireNumber(right, operator));
  }
}

function compare(operator: '<' | '<=' | '>' | '>=', left: JsonValue, right: JsonValue): boolean {
  const comparable =
    (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) throw new ExpressionEvaluationFailed(`'${operator}' compares two numbers or two strings`);
  if (operator === '<') return left < right;
  if (operator === '<=') return left <= right;
  if (operator === '>') return left > right;
  return left >= right;
}

function arithmetic(operator: BinaryOperator, left: number, right: number): number {
  if ((operator === '/' || operator === '%') && right === 0) throw new ExpressionEvaluationFailed('division by zero');
  if (operator === '-') return finite(left - right);
  if (operator === '*') return finite(left * right);
  if (operator === '/') return finite(left / right);
  return finite(left % right);
}

function requireNumber(value: JsonValue, operator: string): number {
  if (typeof value !== 'number') throw new ExpressionEvaluationFailed(`'${operator}' takes numbers`);
  return value;
}

// JSON has no Infinity or NaN; a result that overflows is an error, not a value downstream cannot store.
function finite(value: number): number {
  if (!Number.isFinite(value)) throw new ExpressionEvaluationFailed('the result is not a finite number');
  return value;
}
