import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '@libs/platform';
import { endToEndHeaders, FORWARDED_BY_HEADER, upstreamHeaders } from './forwarded-headers.js';

describe('forwarded headers', () => {
  it('drops hop-by-hop headers, and those the Connection header names', () => {
    expect(
      endToEndHeaders({
        connection: 'keep-alive, x-private-hop',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        host: 'gateway:3000',
        'x-private-hop': '1',
        'content-type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
      }),
    ).toEqual({ 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
  });

  it('sends the request id, trace context and correlation id of this request, and the X-Forwarded-* trio', () => {
    const request = {
      id: 'req-1',
      ip: '10.1.2.3',
      protocol: 'https',
      host: 'api.example.com',
      headers: { authorization: 'Bearer t', 'x-forwarded-for': '203.0.113.9', traceparent: 'spoofed' },
    } as unknown as FastifyRequest;
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const headers = RequestContext.run({ requestId: 'req-1', correlationId: 'corr-1', traceparent }, () =>
      upstreamHeaders(request, 'gateway-instance'),
    );
    expect(headers).toEqual({
      authorization: 'Bearer t',
      'x-request-id': 'req-1',
      traceparent,
      'x-correlation-id': 'corr-1',
      'x-forwarded-for': '203.0.113.9, 10.1.2.3',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'api.example.com',
      [FORWARDED_BY_HEADER]: 'gateway-instance',
    });
  });
});
