import { describe, expect, it } from '@jest/globals';
import { quoteIdentifier, quoteLiteral } from './sql-text.js';

describe('SQL text', () => {
  it('quotes identifiers so that no name ends the quote early', () => {
    expect(quoteIdentifier('amount')).toBe('"amount"');
    expect(quoteIdentifier('a"; DROP TABLE data; --')).toBe('"a""; DROP TABLE data; --"');
  });

  it('quotes literals by type', () => {
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(quoteLiteral('back\\slash')).toBe("'back\\slash'");
    expect(quoteLiteral(42)).toBe('42');
    expect(quoteLiteral(0.25)).toBe('0.25::DOUBLE');
    expect(quoteLiteral(true)).toBe('TRUE');
    expect(() => quoteLiteral(Number.NaN)).toThrow();
  });
});
