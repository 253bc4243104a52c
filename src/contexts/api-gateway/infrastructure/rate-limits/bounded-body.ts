import type { Readable } from 'node:stream';
import { DomainError } from '@libs/ddd';

/** A body longer than the server accepts (BODY_LIMIT_BYTES): 413, as the instance would answer. */
export class BodyTooLarge extends DomainError {
  readonly type = 'body-too-large';
  readonly kind = 'too-large';

  constructor(limitBytes: number) {
    super(`The body is larger than this server accepts (${limitBytes} bytes)`);
  }
}

/** The whole body of a request, refused with BodyTooLarge as soon as it passes `limitBytes`. */
export async function readBodyUpTo(body: Readable, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    length += bytes.length;
    if (length > limitBytes) throw new BodyTooLarge(limitBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, length);
}
