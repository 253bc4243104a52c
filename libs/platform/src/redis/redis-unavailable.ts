import { DomainError } from '@libs/ddd';

/** Redis did not answer in time (down, frozen, failing over): the client should retry later (503). */
export class RedisUnavailable extends DomainError {
  readonly type = 'dependency-unavailable';
  readonly kind = 'unavailable';

  constructor(override readonly cause: unknown) {
    super('A backing service is unavailable; retry later');
  }
}

/**
 * A request path's Redis reply, with a connection failure or a command timeout turned into
 * RedisUnavailable. An error Redis itself answered (a ReplyError such as WRONGTYPE) is a bug and
 * stays as it is.
 */
export async function fromRedis<T>(reply: Promise<T>): Promise<T> {
  try {
    return await reply;
  } catch (error) {
    if (error instanceof Error && error.name === 'ReplyError') throw error;
    throw new RedisUnavailable(error);
  }
}
