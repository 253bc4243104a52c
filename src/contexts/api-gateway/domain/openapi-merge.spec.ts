import { describe, expect, it } from '@jest/globals';
import { mergeApiDocuments, type ApiDocument } from './openapi-merge.js';

const gateway: ApiDocument = {
  openapi: '3.1.0',
  info: { title: 'platform' },
  paths: { '/health/live': { get: { tags: ['platform'] } } },
  components: { schemas: { Problem: { type: 'object' } }, securitySchemes: { bearer: { type: 'http' } } },
  tags: [{ name: 'platform', description: 'probes' }],
};

const identity: ApiDocument = {
  paths: {
    '/health/live': { get: { tags: ['platform'], summary: 'another process’s probe' } },
    '/api/v1/projects': { get: { tags: ['user-management'] }, post: { tags: ['user-management'] } },
  },
  components: { schemas: { Problem: { type: 'object', title: 'theirs' }, Project: { type: 'object' } } },
  tags: [{ name: 'platform' }, { name: 'user-management' }],
};

const registry: ApiDocument = {
  paths: {
    '/api/v1/projects/{projectId}/models': { get: { tags: ['model-registry'] } },
    '/api/v1/projects': { get: { tags: ['user-management'], summary: 'a second instance of the same context' } },
  },
  components: { schemas: { Project: { type: 'object', title: 'duplicate' }, Model: { type: 'object' } } },
  tags: [{ name: 'model-registry' }, { name: 'user-management' }],
};

describe('mergeApiDocuments', () => {
  const merged = mergeApiDocuments(gateway, [identity, registry]);

  it('lists each operation once, the first document naming it keeping it', () => {
    expect(Object.keys(merged.paths!).sort()).toEqual([
      '/api/v1/projects',
      '/api/v1/projects/{projectId}/models',
      '/health/live',
    ]);
    expect(Object.keys(merged.paths!['/api/v1/projects'])).toEqual(['get', 'post']);
    expect(merged.paths!['/api/v1/projects'].get).toEqual({ tags: ['user-management'] });
    expect(merged.paths!['/health/live'].get).toEqual({ tags: ['platform'] });
  });

  it('keeps one of each schema and tag, and the rest of the gateway’s document', () => {
    expect(Object.keys(merged.components!.schemas!).sort()).toEqual(['Model', 'Problem', 'Project']);
    expect(merged.components!.schemas!.Problem).toEqual({ type: 'object' });
    expect(merged.tags!.map((tag) => tag.name)).toEqual(['platform', 'user-management', 'model-registry']);
    expect(merged.tags![0].description).toBe('probes');
    expect(merged.components!.securitySchemes).toEqual({ bearer: { type: 'http' } });
    expect(merged.info).toEqual({ title: 'platform' });
  });

  it('changes none of the documents it reads', () => {
    expect(Object.keys(gateway.paths!)).toEqual(['/health/live']);
    expect(Object.keys(identity.components!.schemas!)).toEqual(['Problem', 'Project']);
  });
});
