import * as ts from 'typescript';

/** Text to put at a position of a file, both as they were before any edit. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

/** The text with every insertion made, positions read against the original text. */
export function applyInsertions(text: string, insertions: Insertion[]): string {
  // A stable sort keeps insertions at one position in the order they were made.
  const ordered = [...insertions].sort((a, b) => a.at - b.at);
  let result = '';
  let cursor = 0;
  for (const insertion of ordered) {
    result += text.slice(cursor, insertion.at) + insertion.text;
    cursor = insertion.at;
  }
  return result + text.slice(cursor);
}

/** The expression under `( ... )`, `as const`, `satisfies ...` or `<T>`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  if (
    ts.isParenthesizedExpression(expression) ||
    ts.isAsExpression(expression) ||
    ts.isSatisfiesExpression(expression) ||
    ts.isTypeAssertionExpression(expression)
  ) {
    return unwrap(expression.expression);
  }
  return expression;
}
