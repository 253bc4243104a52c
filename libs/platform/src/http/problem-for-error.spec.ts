import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@libs/ddd';
import { problemForError } from './problem-for-error.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
// TypeORM wraps the driver's error: QueryFailedError { driverError }.
const wrapped = (driverError: Error) =>
  Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError });

describe('problemForError', () => {
  it.each([
    ['a connection lost mid-query', wrapped(new Error('Connection terminated unexpectedly'))],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a connection timeout', new Error('Connection terminated due to connection timeout')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['an administrator shutdown', wrapped(withCode('terminating connection due to administrator command', '57P01'))],
    ['a connection failure', withCode('connection failure', '08006')],
    ['a Redis command past its timeout', new Error('Command timed out')],
    ['a Redis connection that gave up', new Error('Connection is closed.')],
    [
      'a transaction whose connection was released',
      Object.assign(new Error('released'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
  ])('answers 503 to %s, not 500', (_, error) => {
    const { problem, isBug } = problemForError(error, '/x');
    expect(problem).toMatchObject({ status: 503, type: '/problems/dependency-unavailable' });
    expect(isBug).toBe(false);
  });

  it('answers 429 to a rate-limited domain error, with its slug and message', () => {
    class Throttled extends DomainError {
      readonly type = 'too-many-things';
      readonly kind = 'rate-limited';
    }
    const { problem, isBug } = problemForError(new Throttled('slow down for 3 s'), '/x');
    expect(problem).toMatchObject({ status: 429, type: '/problems/too-many-things', detail: 'slow down for 3 s' });
    expect(isBug).toBe(false);
  });

  it('answers 500 to a true bug, without its message', () => {
    const { problem, isBug } = problemForError(new TypeError('cannot read x of undefined'), '/x');
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toMatch(/undefined/);
    expect(isBug).toBe(true);
  });

  it("gives Fastify's own errors a fixed detail that quotes nothing of the request", () => {
    const mediaType = Object.assign(new Error('Unsupported Media Type: text/<script>'), {
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      statusCode: 415,
    });
    const json = Object.assign(new SyntaxError('Unexpected token < in "<script>"'), { statusCode: 400 });
    for (const error of [mediaType, json]) {
      const { problem } = problemForError(error, undefined);
      expect(problem.detail).not.toMatch(/script/);
      expect(problem.status).toBe(error.statusCode);
      expect(problem).not.toHaveProperty('instance');
    }
  });
});
