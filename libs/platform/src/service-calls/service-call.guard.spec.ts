import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../config/load-config.js';
import { createApp } from '../http/create-app.js';
import { createLogger } from '../logging/create-logger.js';
import { FacadeArguments, FacadeOperation, InternalFacadeController } from './internal-facade.js';
import { facadeOperationPath } from './facade-transport.js';
import { SERVICE_CALL_SETTINGS } from './service-call-settings.js';
import { signServiceCall } from './service-call-signature.js';

const SECRET = 's'.repeat(32);
const PATH = facadeOperationPath('sample', 'count-arguments');

@InternalFacadeController('sample')
class SampleFacadeRoutes {
  @FacadeOperation('count-arguments')
  countArguments(@FacadeArguments() args: unknown[]): number {
    return args.length;
  }
}

@Module({
  controllers: [SampleFacadeRoutes],
  providers: [{ provide: SERVICE_CALL_SETTINGS, useValue: { secret: SECRET, maxSkewMs: 30_000 } }],
})
class SampleModule {}

describe('ServiceCallGuard', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = loadConfig(
      { NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/db', REDIS_URL: 'redis://unused', LOG_LEVEL: 'silent' },
      [],
    );
    app = await createApp(SampleModule, config, createLogger(config.logLevel));
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  function post(body: string, signedBody = body) {
    return app.inject({
      method: 'POST',
      url: PATH,
      headers: {
        'content-type': 'application/json',
        ...signServiceCall(SECRET, { method: 'POST', path: PATH, body: signedBody }),
      },
      payload: body,
    });
  }

  // JSON.parse then JSON.stringify writes these again otherwise (0, 12345678901234567000, another
  // order of spaces), so only a check of the bytes received accepts them.
  it.each([['[-0]'], ['[12345678901234567890123]'], ['[1e400]'], ['[ {"b": 1, "a": 2} ]'], ['["caf\\u00e9"]']])(
    'accepts a signed body %s whatever JSON.stringify would write for it',
    async (body) => {
      const answer = await post(body);
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toBe(1);
    },
  );

  it('refuses a body altered by one byte after signing', async () => {
    const answer = await post('["a","c"]', '["a","b"]');
    expect(answer.statusCode).toBe(401);
    expect(answer.body).toContain('service-call-refused');
  });

  it('refuses an unsigned call', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: PATH,
      headers: { 'content-type': 'application/json' },
      payload: '[]',
    });
    expect(answer.statusCode).toBe(401);
  });
});
