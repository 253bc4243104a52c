import { SnapshotQueryRefused } from './table-source-errors.js';

const LEADING_KEYWORDS = new Set(['select', 'with']);

/**
 * The text of a snapshot query, known to be one statement that starts as a read (SELECT or WITH).
 * This is the first of three guards, there to refuse early with a clear reason: the source also runs
 * it in a READ ONLY transaction, through the extended protocol (one statement per message), as a
 * cursor (which PostgreSQL accepts only for a SELECT without data-modifying WITH parts).
 */
export class SnapshotQuery {
  private constructor(readonly text: string) {}

  static of(text: string): SnapshotQuery {
    const scanned = scanOutsideLiterals(text);
    const statementEnd = scanned.semicolons.find((at) => scanned.significant.some((position) => position > at));
    if (statementEnd !== undefined) throw new SnapshotQueryRefused('holds more than one statement');
    const end = scanned.semicolons[0] ?? text.length;
    const firstWord = /^[a-z]+/i.exec(scanned.code.trimStart())?.[0]?.toLowerCase();
    if (firstWord === undefined || !LEADING_KEYWORDS.has(firstWord))
      throw new SnapshotQueryRefused('must be a single SELECT (or WITH ... SELECT) statement');
    return new SnapshotQuery(text.slice(0, end).trim());
  }
}

interface Scanned {
  /** The text with string literals, quoted identifiers and comments blanked out. */
  readonly code: string;
  /** Offsets of the semicolons outside literals and comments. */
  readonly semicolons: number[];
  /** Offsets of every other character that is neither blank nor inside a comment. */
  readonly significant: number[];
}

/** Walks the text as PostgreSQL's lexer would for quoting: '...', E'...', "...", $tag$...$tag$, -- and nested block comments. */
function scanOutsideLiterals(text: string): Scanned {
  let code = '';
  const semicolons: number[] = [];
  const significant: number[] = [];
  let at = 0;
  while (at < text.length) {
    const skipped = skipQuotedOrComment(text, at);
    if (skipped !== undefined) {
      if (!text.startsWith('--', at) && !text.startsWith('/*', at)) significant.push(at);
      code += ' '.repeat(skipped - at);
      at = skipped;
      continue;
    }
    const char = text[at];
    if (char === ';') semicolons.push(at);
    else if (!/\s/.test(char)) significant.push(at);
    code += char;
    at += 1;
  }
  return { code, semicolons, significant };
}

/** The offset just past a literal or comment starting at `at`, or undefined when none starts there. */
function skipQuotedOrComment(text: string, at: number): number | undefined {
  if (text.startsWith('--', at)) {
    const end = text.indexOf('\n', at);
    return end === -1 ? text.length : end + 1;
  }
  if (text.startsWith('/*', at)) return skipBlockComment(text, at);
  const char = text[at];
  if (char === "'") return skipQuoted(text, at, "'", /[eE]/.test(text[at - 1] ?? '') && !/\w/.test(text[at - 2] ?? ''));
  if (char === '"') return skipQuoted(text, at, '"', false);
  // A $ inside a name (a$b) or a parameter ($1) starts no dollar quote.
  if (char === '$' && !/[\w$]/.test(text[at - 1] ?? '')) {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(at))?.[0];
    if (tag === undefined) return undefined;
    const end = text.indexOf(tag, at + tag.length);
    if (end === -1) throw new SnapshotQueryRefused('has an unterminated dollar-quoted string');
    return end + tag.length;
  }
  return undefined;
}

function skipQuoted(text: string, at: number, quote: string, backslashEscapes: boolean): number {
  for (let index = at + 1; index < text.length; index += 1) {
    if (backslashEscapes && text[index] === '\\') index += 1;
    else if (text[index] === quote) {
      if (text[index + 1] !== quote) return index + 1;
      index += 1;
    }
  }
  throw new SnapshotQueryRefused('has an unterminated quoted string or identifier');
}

function skipBlockComment(text: string, at: number): number {
  let depth = 0;
  for (let index = at; index < text.length - 1; index += 1) {
    if (text.startsWith('/*', index)) {
      depth += 1;
      index += 1;
    } else if (text.startsWith('*/', index)) {
      depth -= 1;
      index += 1;
      if (depth === 0) return index + 1;
    }
  }
  throw new SnapshotQueryRefused('has an unterminated comment');
}
