import { ExpressionInvalid } from './expression-errors.js';
import { tokenize, type Token } from './expression-lexer.js';
import {
  EXPRESSION_FUNCTION_ARITY,
  EXPRESSION_LIMITS,
  EXPRESSION_ROOTS,
  FORBIDDEN_PROPERTY_NAMES,
  type BinaryOperator,
  type ExpressionFunction,
  type ExpressionNode,
  type ExpressionRoot,
} from './expression-syntax.js';

// Binary operators from loosest to tightest binding; each level parses the next one as operands.
const PRECEDENCE: readonly (readonly BinaryOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];
const KEYWORDS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };

/** Parses an expression (the text between `${{` and `}}`) into a syntax tree, or throws ExpressionInvalid. */
export function parseExpression(source: string): ExpressionNode {
  if (source.length > EXPRESSION_LIMITS.maxSourceLength) {
    throw new ExpressionInvalid(`expression is longer than ${EXPRESSION_LIMITS.maxSourceLength} characters`);
  }
  const parser = new ExpressionParser(tokenize(source));
  return parser.parseWhole();
}

class ExpressionParser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseWhole(): ExpressionNode {
    if (this.peek().kind === 'end') throw new ExpressionInvalid('expression is empty');
    const node = this.parseBinary(0);
    const rest = this.peek();
    if (rest.kind !== 'end') throw new ExpressionInvalid(`unexpected '${rest.value}' at ${rest.at}`);
    return node;
  }

  private parseBinary(level: number): ExpressionNode {
    if (level === PRECEDENCE.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const operator = PRECEDENCE[level].find((candidate) => this.isSymbol(candidate));
      if (operator === undefined) return left;
      this.position += 1;
      left = { kind: 'binary', operator, left, right: this.parseBinary(level + 1) };
    }
  }

  private parseUnary(): ExpressionNode {
    if (this.isSymbol('!') || this.isSymbol('-')) {
      const operator = this.next().value as '!' | '-';
      return this.nested(() => ({ kind: 'unary', operator, operand: this.parseUnary() }));
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(start: ExpressionNode): ExpressionNode {
    let node = start;
    for (;;) {
      if (this.isSymbol('.')) {
        this.position += 1;
        const name = this.expect('name', 'a property name').value as string;
        if (FORBIDDEN_PROPERTY_NAMES.has(name)) throw new ExpressionInvalid(`property '${name}' is not allowed`);
        node = { kind: 'property', object: node, name };
      } else if (this.isSymbol('[')) {
        this.position += 1;
        const index = this.nested(() => this.parseBinary(0));
        this.expectSymbol(']');
        node = { kind: 'index', object: node, index };
      } else {
        return node;
      }
    }
  }

  private parsePrimary(): ExpressionNode {
    const token = this.next();
    if (token.kind === 'number' || token.kind === 'string') return { kind: 'literal', value: token.value };
    if (token.kind === 'name') return this.parseName(token.value, token.at);
    if (token.kind === 'symbol' && token.value === '(') {
      const inner = this.nested(() => this.parseBinary(0));
      this.expectSymbol(')');
      return inner;
    }
    if (token.kind === 'symbol' && token.value === '[') {
      return { kind: 'list', items: this.nested(() => this.parseArguments(']')) };
    }
    throw new ExpressionInvalid(
      token.kind === 'end' ? 'expression ends too early' : `unexpected '${token.value}' at ${token.at}`,
    );
  }

  private parseName(name: string, at: number): ExpressionNode {
    if (Object.hasOwn(KEYWORDS, name)) return { kind: 'literal', value: KEYWORDS[name] };
    if (this.isSymbol('(')) {
      if (!Object.hasOwn(EXPRESSION_FUNCTION_ARITY, name))
        throw new ExpressionInvalid(`unknown function '${name}' at ${at}`);
      this.position += 1;
      const args = this.nested(() => this.parseArguments(')'));
      const [min, max] = EXPRESSION_FUNCTION_ARITY[name as ExpressionFunction];
      if (args.length < min || args.length > max) {
        throw new ExpressionInvalid(`${name}() takes ${min === max ? min : `${min} to ${max}`} argument(s)`);
      }
      return { kind: 'call', name: name as ExpressionFunction, args };
    }
    if (!(EXPRESSION_ROOTS as readonly string[]).includes(name)) {
      throw new ExpressionInvalid(`unknown name '${name}' at ${at}; expected one of ${EXPRESSION_ROOTS.join(', ')}`);
    }
    return { kind: 'root', name: name as ExpressionRoot };
  }

  private parseArguments(closing: string): ExpressionNode[] {
    const items: ExpressionNode[] = [];
    if (this.isSymbol(closing)) {
      this.position += 1;
      return items;
    }
    for (;;) {
      items.push(this.parseBinary(0));
      if (this.isSymbol(closing)) {
        this.position += 1;
        return items;
      }
      this.expectSymbol(',');
    }
  }

  // Recursion depth bounds the stack a hostile expression can use, e.g. a thousand nested brackets.
  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > EXPRESSION_LIMITS.maxDepth) {
      throw new ExpressionInvalid(`expression nests deeper than ${EXPRESSION_LIMITS.maxDepth} levels`);
    }
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (token.kind !== 'end') this.position += 1;
    return token;
  }

  private isSymbol(value: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.value === value;
  }

  private expectSymbol(value: string): void {
    if (!this.isSymbol(value)) this.fail(`'${value}'`);
    this.position += 1;
  }

  private expect(kind: Token['kind'], what: string): Token {
    if (this.peek().kind !== kind) this.fail(what);
    return this.next();
  }

  private fail(expected: string): never {
    const token = this.peek();
    const found = token.kind === 'end' ? 'the end' : `'${token.value}'`;
    throw new ExpressionInvalid(`expected ${expected} at ${token.at}, found ${found}`);
  }
}
