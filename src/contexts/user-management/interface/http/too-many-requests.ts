import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 problem+json; the platform's filter turns `retryAfterSeconds` into a Retry-After header. */
export class TooManyRequests extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    slug = 'too-many-requests',
    detail = `Too many requests; retry in ${retryAfterSeconds} s`,
  ) {
    super({ slug, detail }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
