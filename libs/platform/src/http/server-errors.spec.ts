import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { problemsOnly } from './server-errors.js';

describe('problemsOnly', () => {
  it('turns a plain JSON error body into problem+json without its words, and leaves the rest', async () => {
    const fastify = Fastify();
    problemsOnly(fastify);
    fastify.get('/closing', (_request, reply) =>
      reply.code(503).send({ error: 'Service Unavailable', message: 'Service Unavailable <echo>', statusCode: 503 }),
    );
    fastify.get('/health', (_request, reply) => reply.code(503).send({ status: 'error', details: {} }));
    fastify.get('/fine', () => ({ ok: true }));
    fastify.get('/problem', (_request, reply) =>
      reply.code(404).header('content-type', 'application/problem+json').send({ status: 404, detail: 'kept' }),
    );

    const closing = await fastify.inject({ url: '/closing' });
    expect(closing.statusCode).toBe(503);
    expect(closing.headers['content-type']).toBe('application/problem+json');
    expect(closing.headers['retry-after']).toBe('5');
    expect(closing.json()).toMatchObject({ status: 503, type: '/problems/service-unavailable' });
    expect(closing.body).not.toContain('echo');

    expect((await fastify.inject({ url: '/fine' })).json()).toEqual({ ok: true });
    expect((await fastify.inject({ url: '/health' })).json()).toEqual({ status: 'error', details: {} });
    expect((await fastify.inject({ url: '/problem' })).json()).toEqual({ status: 404, detail: 'kept' });
    await fastify.close();
  });
});
