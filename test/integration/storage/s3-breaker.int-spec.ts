import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BreakerState } from '@libs/outbound';
import { sendProblem } from '@libs/platform';
import { createS3Breaker, createS3Client, ObjectStoreUnavailableError, S3ObjectStore } from '@libs/storage';
import { waitFor } from '@libs/testing';
import { S3RVER_CREDENTIALS, startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { SwitchableFront } from './support/switchable-front.js';

const SETTINGS = { consecutiveFailures: 2, failureRatio: 0.5, windowCalls: 20, minimumCalls: 20, halfOpenAfterMs: 300 };

describe('the S3 object store’s circuit breaker, against s3rver behind a front that can fail', () => {
  let server: S3TestServer;
  let front: SwitchableFront;
  let store: S3ObjectStore;
  let app: FastifyInstance;
  const transitions: [BreakerState, BreakerState][] = [];
  const bucket = `breaker-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    server = await startS3TestServer();
    front = await SwitchableFront.before(server.endpoint);
    const connection = { region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS };
    const client = createS3Client({ ...connection, endpoint: front.endpoint });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const breaker = createS3Breaker(
      { endpoint: front.endpoint, region: 'us-east-1', bucket },
      SETTINGS,
      (_labels, from, to) => transitions.push([from, to]),
    );
    store = new S3ObjectStore({ client, bucket, breaker });
    // The platform's own problem mapping, on a route of the test's own.
    app = Fastify();
    app.get('/objects/:key', async (request, reply) => {
      try {
        return { size: (await store.head((request.params as { key: string }).key))?.size ?? null };
      } catch (error) {
        sendProblem(error, request, reply);
        return reply;
      }
    });
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await front?.close();
    await server?.stop();
  });

  it('counts no client error: missing objects leave it closed', async () => {
    for (let call = 0; call < 4; call += 1) await expect(store.head(`missing-${call}`)).resolves.toBeUndefined();
    await expect(store.get('missing')).rejects.toThrow('was not found');
    expect(transitions).toEqual([]);
  });

  it('opens on 5xx, refuses at once without reaching S3 and answers 503 with Retry-After, then closes on a successful probe', async () => {
    await store.put('kept', Readable.from([Buffer.from('hello')]), { maxBytes: 100 });
    front.failing = true;
    for (let call = 0; call < 2; call += 1) await expect(store.head('kept')).rejects.toHaveProperty('$metadata');
    expect(transitions).toEqual([['closed', 'open']]);

    const reached = front.received;
    const started = performance.now();
    await expect(store.head('kept')).rejects.toBeInstanceOf(ObjectStoreUnavailableError);
    const body = Readable.from([Buffer.from('never read')]);
    await expect(store.put('other', body, { maxBytes: 100 })).rejects.toBeInstanceOf(ObjectStoreUnavailableError);
    expect(body.destroyed).toBe(true);
    const answer = await app.inject({ method: 'GET', url: '/objects/kept' });
    expect(performance.now() - started).toBeLessThan(SETTINGS.halfOpenAfterMs);
    expect(front.received).toBe(reached);
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.headers['retry-after']).toBe('1');
    expect(answer.json()).toMatchObject({ status: 503, type: expect.stringContaining('object-store-unavailable') });

    front.failing = false;
    await waitFor(
      async () => {
        const probe = await app.inject({ method: 'GET', url: '/objects/kept' });
        return probe.statusCode === 200 && probe.json<{ size: number }>().size === 5;
      },
      { what: 'a probe after the half-open delay to close the breaker' },
    );
    expect(transitions).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });
});
