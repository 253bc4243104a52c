import { describe, expect, it } from '@jest/globals';
import { problemForError } from '../http/problem-for-error.js';
import { fromRedis, RedisUnavailable } from './redis-unavailable.js';

class ReplyError extends Error {
  override readonly name = 'ReplyError';
}

describe('fromRedis', () => {
  it('passes a reply through', async () => {
    expect(await fromRedis(Promise.resolve('PONG'))).toBe('PONG');
  });

  it.each([
    'Command timed out',
    'Connection is closed.',
    "Stream isn't writeable and enableOfflineQueue options is false",
  ])('turns "%s" into a 503 problem that does not leak the driver message', async (message) => {
    const failure = await fromRedis(Promise.reject(new Error(message))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RedisUnavailable);
    const { problem, isBug } = problemForError(failure, '/api/v1/users/me');
    expect({ status: problem.status, type: problem.type, isBug }).toEqual({
      status: 503,
      type: '/problems/dependency-unavailable',
      isBug: false,
    });
    expect(JSON.stringify(problem)).not.toContain(message);
  });

  it('leaves an error Redis answered as it is: that is a bug, not an outage', async () => {
    const wrongType = new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value');
    await expect(fromRedis(Promise.reject(wrongType))).rejects.toBe(wrongType);
  });
});
