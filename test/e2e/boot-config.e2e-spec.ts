import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { AppProcess } from '@libs/testing';

const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));

async function bootFailure(env: Record<string, string>): Promise<{ code: number | null; logs: string }> {
  const app = await AppProcess.start(MAIN, env, { waitUntilReady: false });
  const { code } = await app.exited;
  return { code, logs: app.logs };
}

describe('start-up with a bad configuration', () => {
  it('exits non-zero listing the valid contexts when APP_CONTEXTS names an unknown one', async () => {
    const { code, logs } = await bootFailure({ APP_CONTEXTS: 'nonsense' });
    expect(code).toBe(1);
    expect(logs.trim()).toBe(
      'Invalid configuration: APP_CONTEXTS names unknown context(s) nonsense; valid: all, user-management, api-gateway, ' +
        'workflow-engine, model-registry, data-pipeline, prediction, monitoring',
    );
  });

  it('exits non-zero naming a missing required variable', async () => {
    const { code, logs } = await bootFailure({ REDIS_URL: '' });
    expect(code).toBe(1);
    expect(logs.trim()).toBe('Invalid configuration: REDIS_URL is required but not set');
  });

  it("exits non-zero naming a table source's missing URL, printing no other source's connection string", async () => {
    const { code, logs } = await bootFailure({
      DATA_TABLE_SOURCES: 'crm,warehouse',
      DATA_TABLE_SOURCE_CRM_URL: 'postgres://reader:s3cret-boot@crm.internal/crm',
    });
    expect(code).toBe(1);
    // Read by the context's providers, so Nest reports it (as a JSON log line) rather than the launcher.
    expect(logs).toContain('Invalid configuration: DATA_TABLE_SOURCE_WAREHOUSE_URL is required but not set');
    expect(logs).not.toContain('s3cret-boot');
  });

  it('exits non-zero when the outbound policy refuses OPENLINEAGE_URL', async () => {
    const { code, logs } = await bootFailure({ OPENLINEAGE_URL: 'http://10.0.0.7:5000/api/v1/lineage' });
    expect(code).toBe(1);
    expect(logs).toContain('Invalid configuration: OPENLINEAGE_URL is refused by the outbound policy: 10.0.0.7');
  });
});
