import { describe, expect, it } from '@jest/globals';
import type { ApiDocument } from '../../domain/openapi-merge.js';
import { RouteTable } from './route-table.js';

const models: ApiDocument = {
  paths: {
    '/api/v1/projects/{projectId}/models': { get: { tags: ['model-registry'] }, post: { tags: ['model-registry'] } },
    '/health/ready': { get: { tags: ['platform'] } },
  },
};
const projects: ApiDocument = {
  paths: { '/api/v1/projects/{id}': { get: { tags: ['user-management'] } }, '/metrics': { get: {} } },
};

describe('RouteTable', () => {
  it('finds the instances serving a concrete path and method, as Fastify would match it', () => {
    const table = new RouteTable();
    table.rebuild(
      new Map([
        ['registry-1', models],
        ['registry-2', models],
        ['identity', projects],
      ]),
    );
    expect([...table.match('GET', '/api/v1/projects/p1/models')!.instances]).toEqual(['registry-1', 'registry-2']);
    expect([...table.match('GET', '/api/v1/projects/p1')!.instances]).toEqual(['identity']);
    expect(table.match('DELETE', '/api/v1/projects/p1/models')).toBeUndefined();
    expect(table.match('GET', '/api/v1/projects/p1/models/extra')).toBeUndefined();
  });

  it('names the matched route as Fastify does, with its parameters, for the rate limits', () => {
    const table = new RouteTable();
    table.rebuild(new Map([['registry', models]]));
    expect(table.match('POST', '/api/v1/projects/p1/models')).toMatchObject({
      template: 'POST /api/v1/projects/:projectId/models',
      params: { projectId: 'p1' },
    });
  });

  it('never forwards the platform’s own routes, which every process answers itself', () => {
    const table = new RouteTable();
    table.rebuild(new Map([['registry', models]]));
    expect(table.match('GET', '/health/ready')).toBeUndefined();
  });

  it('remembers a route after its last instance left, with no instance to serve it', () => {
    const table = new RouteTable();
    table.rebuild(new Map([['registry', models]]));
    table.rebuild(new Map());
    expect(table.match('GET', '/api/v1/projects/p1/models')?.instances.size).toBe(0);
  });
});
