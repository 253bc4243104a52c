/** The roots an expression may start from; anything else is a syntax error. */
export const EXPRESSION_ROOTS = ['params', 'tasks', 'trigger', 'item', 'run'] as const;
export type ExpressionRoot = (typeof EXPRESSION_ROOTS)[number];

/** Each function with the fewest and most arguments it takes, checked when parsing. */
export const EXPRESSION_FUNCTION_ARITY = {
  length: [1, 1],
  contains: [2, 2],
  startsWith: [2, 2],
  endsWith: [2, 2],
  join: [1, 2],
  toJSON: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type ExpressionFunction = keyof typeof EXPRESSION_FUNCTION_ARITY;

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';
export type UnaryOperator = '!' | '-';

export type ExpressionNode =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'root'; readonly name: ExpressionRoot }
  | { readonly kind: 'property'; readonly object: ExpressionNode; readonly name: string }
  | { readonly kind: 'index'; readonly object: ExpressionNode; readonly index: ExpressionNode }
  | { readonly kind: 'unary'; readonly operator: UnaryOperator; readonly operand: ExpressionNode }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    }
  | { readonly kind: 'call'; readonly name: ExpressionFunction; readonly args: readonly ExpressionNode[] }
  | { readonly kind: 'list'; readonly items: readonly ExpressionNode[] };

/**
 * Names that reach an object's prototype machinery in JavaScript. They are refused outright, at
 * parse time for `a.b` and at evaluation time for `a[b]`, even though evaluation reads own
 * properties only: defence in depth against prototype pollution through outputs.
 */
export const FORBIDDEN_PROPERTY_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Bounds that keep parsing and evaluation cheap whatever a definition contains. */
export const EXPRESSION_LIMITS = { maxSourceLength: 2000, maxDepth: 32 } as const;
