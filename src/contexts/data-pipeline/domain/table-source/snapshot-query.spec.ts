import { describe, expect, it } from '@jest/globals';
import { SnapshotQuery } from './snapshot-query.js';
import { SnapshotQueryRefused } from './table-source-errors.js';

describe('SnapshotQuery', () => {
  it('accepts one SELECT or WITH statement, a trailing semicolon and comment dropped', () => {
    expect(SnapshotQuery.of('  select id from customers').text).toBe('select id from customers');
    expect(SnapshotQuery.of('WITH c AS (SELECT 1 AS x) SELECT x FROM c;  -- done\n').text).toBe(
      'WITH c AS (SELECT 1 AS x) SELECT x FROM c',
    );
    expect(SnapshotQuery.of('/* report */ SELECT 1;;').text).toBe('/* report */ SELECT 1');
  });

  it('reads semicolons inside literals, quoted names, dollar quotes and comments as text', () => {
    for (const text of [
      "SELECT 'a;b' AS x",
      "SELECT E'it\\'s; fine' AS x",
      'SELECT 1 AS "odd;name"',
      'SELECT $q$; DROP TABLE t; $q$ AS x',
      'SELECT a$b$ FROM t$x',
      'SELECT 1 /* a; /* nested; */ still */ AS x',
      'SELECT 1 -- ; DROP TABLE t\n AS x',
    ])
      expect(SnapshotQuery.of(text).text).toBe(text);
  });

  it('refuses a second statement, whatever hides the first semicolon', () => {
    for (const text of [
      'SELECT 1; DROP TABLE t',
      'SELECT 1; COMMIT; DELETE FROM t',
      "SELECT 'x'; DELETE FROM t",
      'SELECT 1 /* c */; /* d */ UPDATE t SET a = 1',
    ])
      expect(() => SnapshotQuery.of(text)).toThrow(/more than one statement/);
  });

  it('refuses statements that do not start as a read', () => {
    for (const text of [
      'DELETE FROM t',
      'insert into t values (1)',
      'COPY t TO STDOUT',
      '',
      '  -- only a comment',
      '(SELECT 1)',
    ])
      expect(() => SnapshotQuery.of(text)).toThrow(SnapshotQueryRefused);
  });

  it('refuses unterminated literals and comments', () => {
    for (const text of ["SELECT 'open", 'SELECT "open', 'SELECT $a$ open', 'SELECT 1 /* open'])
      expect(() => SnapshotQuery.of(text)).toThrow(/unterminated/);
  });
});
