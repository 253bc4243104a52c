import type { JsonValue } from '../json-value.js';
import { ExpressionInvalid } from './expression-errors.js';
import type { ExpressionScope } from './expression-evaluator.js';
import { asText } from './expression-text.js';
import { Expression, mergeReferences, type ExpressionReferences } from './expression.js';

type Segment = { readonly text: string } | { readonly expression: Expression };

const OPEN = '${{';
const CLOSE = '}}';

/**
 * A string with `${{ ... }}` placeholders. A string that is one placeholder and nothing else
 * renders to the expression's value as it is (a number stays a number); otherwise the pieces
 * are joined as text.
 */
export class Template {
  private constructor(private readonly segments: readonly Segment[]) {}

  static parse(text: string): Template {
    const segments: Segment[] = [];
    let at = 0;
    while (at < text.length) {
      const open = text.indexOf(OPEN, at);
      if (open === -1) {
        segments.push({ text: text.slice(at) });
        break;
      }
      if (open > at) segments.push({ text: text.slice(at, open) });
      const close = text.indexOf(CLOSE, open + OPEN.length);
      if (close === -1) throw new ExpressionInvalid(`'${OPEN}' at ${open} is never closed with '${CLOSE}'`);
      segments.push({ expression: Expression.parse(text.slice(open + OPEN.length, close)) });
      at = close + CLOSE.length;
    }
    return new Template(segments);
  }

  /** True when the text holds at least one placeholder. */
  static holdsPlaceholder(text: string): boolean {
    return text.includes(OPEN);
  }

  get expressions(): Expression[] {
    return this.segments.flatMap((segment) => ('expression' in segment ? [segment.expression] : []));
  }

  get references(): ExpressionReferences {
    return mergeReferences(this.expressions.map((expression) => expression.references));
  }

  render(scope: ExpressionScope): JsonValue {
    const [only] = this.segments;
    if (this.segments.length === 1 && 'expression' in only) return only.expression.evaluate(scope);
    return this.segments
      .map((segment) => ('text' in segment ? segment.text : asText(segment.expression.evaluate(scope))))
      .join('');
  }
}
