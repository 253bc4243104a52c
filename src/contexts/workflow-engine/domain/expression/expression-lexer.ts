import { ExpressionInvalid } from './expression-errors.js';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'name'; readonly value: string; readonly at: number }
  | { readonly kind: 'symbol'; readonly value: string; readonly at: number }
  | { readonly kind: 'end'; readonly value: ''; readonly at: number };

const SYMBOLS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '.',
  '[',
  ']',
  '(',
  ')',
  ',',
];
const NAME_START = /[A-Za-z_]/;
// After a dot, names may hold hyphens (`tasks.train-model.outputs`), as task ids do; elsewhere `-` is minus.
const NAME_AFTER_DOT = /[A-Za-z0-9_-]/;
const NAME_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const NUMBER = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/;

/** Splits an expression's source into tokens, ending with one `end` token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at += 1;
    } else if (DIGIT.test(char)) {
      const text = NUMBER.exec(source.slice(at))![0];
      tokens.push({ kind: 'number', value: Number(text), at });
      at += text.length;
    } else if (char === "'" || char === '"') {
      const [value, next] = readString(source, at);
      tokens.push({ kind: 'string', value, at });
      at = next;
    } else if (NAME_START.test(char)) {
      const afterDot = tokens.at(-1)?.value === '.';
      let end = at + 1;
      while (end < source.length && (afterDot ? NAME_AFTER_DOT : NAME_PART).test(source[end])) end += 1;
      tokens.push({ kind: 'name', value: source.slice(at, end), at });
      at = end;
    } else {
      const symbol = SYMBOLS.find((candidate) => source.startsWith(candidate, at));
      if (symbol === undefined) throw new ExpressionInvalid(`unexpected character '${char}' at ${at}`);
      tokens.push({ kind: 'symbol', value: symbol, at });
      at += symbol.length;
    }
  }
  tokens.push({ kind: 'end', value: '', at });
  return tokens;
}

/** Reads a quoted string; the quote is escaped by doubling it (`'it''s'`), as in GitHub Actions. */
function readString(source: string, start: number): [string, number] {
  const quote = source[start];
  let value = '';
  let at = start + 1;
  while (at < source.length) {
    if (source[at] === quote) {
      if (source[at + 1] !== quote) return [value, at + 1];
      at += 1;
    }
    value += source[at];
    at += 1;
  }
  throw new ExpressionInvalid(`unterminated string starting at ${start}`);
}
