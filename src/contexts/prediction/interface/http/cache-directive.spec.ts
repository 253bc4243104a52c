import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { cacheAllowed } from './cache-directive.js';

const withHeaders = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as FastifyRequest;

describe('cacheAllowed', () => {
  it('lets the cache answer unless Cache-Control says no-cache or no-store, or the parameters say cache: false', () => {
    expect(cacheAllowed(withHeaders({}))).toBe(true);
    expect(cacheAllowed(withHeaders({ 'cache-control': 'max-age=60' }), { cache: true })).toBe(true);
    expect(cacheAllowed(withHeaders({ 'cache-control': 'No-Cache' }))).toBe(false);
    expect(cacheAllowed(withHeaders({ 'cache-control': 'max-age=0, no-store' }))).toBe(false);
    expect(cacheAllowed(withHeaders({ 'cache-control': 'no-transform' }))).toBe(true);
    expect(cacheAllowed(withHeaders({}), { cache: false })).toBe(false);
  });
});
