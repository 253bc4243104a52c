import { describe, expect, it } from '@jest/globals';
import type { DynamicModule } from '@nestjs/common';
import { loadConfig } from '@libs/platform';
import { AppModule } from './app.module.js';
import { BOUNDED_CONTEXTS, CONTEXT_NAMES } from './bounded-contexts.js';

const SECRET = 'a secret of thirty-two characters or more';

function catalogued(name: string) {
  const context = BOUNDED_CONTEXTS.find((candidate) => candidate.name === name);
  if (context === undefined) throw new Error(`no context ${name} in the catalogue`);
  return context;
}

// The registry's facades over HTTP; the engine's, reading its schema.
const RemoteModelRegistryModule = catalogued('model-registry').httpFacades?.().module;
const WorkflowEngineFacadesModule = catalogued('workflow-engine').facades?.().module;

function composedModules(env: Record<string, string>): unknown[] {
  const config = loadConfig(
    { NODE_ENV: 'test', DATABASE_URL: 'postgres://localhost/test', REDIS_URL: 'redis://localhost', ...env },
    CONTEXT_NAMES,
  );
  return (AppModule.forRoot(config).imports as DynamicModule[]).map((imported) => imported.module);
}

describe('the facades of contexts hosted elsewhere', () => {
  it('binds them over HTTP in a split deployment, which SERVICE_CALL_SECRET marks', () => {
    const modules = composedModules({ APP_CONTEXTS: 'prediction', SERVICE_CALL_SECRET: SECRET });
    expect(modules).toContain(RemoteModelRegistryModule);
    expect(modules).toContain(WorkflowEngineFacadesModule);
  });

  it('leaves them unbound without the secret, so their callers fall back; reads of a schema stay', () => {
    const modules = composedModules({ APP_CONTEXTS: 'prediction' });
    expect(modules).not.toContain(RemoteModelRegistryModule);
    expect(modules).toContain(WorkflowEngineFacadesModule);
  });

  it('binds none for the contexts the process hosts', () => {
    const modules = composedModules({ APP_CONTEXTS: 'all', SERVICE_CALL_SECRET: SECRET });
    expect(modules).not.toContain(RemoteModelRegistryModule);
    expect(modules).not.toContain(WorkflowEngineFacadesModule);
  });
});
