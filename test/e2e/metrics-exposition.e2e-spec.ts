import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { startAuthApp } from './user-management/auth-client.js';

/** promtool, when installed (`.ci/run` installs it); CI must have it. */
function promtool(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).stdout.trim();
  if (!found && process.env.CI === 'true') throw new Error('promtool is missing: apt-get install prometheus');
  return found || undefined;
}

describe('the /metrics exposition', () => {
  let app: TestApp;
  let exposition: string;

  beforeAll(async () => {
    app = await startAuthApp();
    await fetch(`${app.url}/health/live`);
    exposition = await (await fetch(`${app.url}/metrics`)).text();
  });
  afterAll(() => app.close());

  it('names counters, and only counters, with _total', () => {
    const types = [...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({ name, type }));
    expect(types.length).toBeGreaterThan(10);
    const misnamed = types.filter(({ name, type }) => (type === 'counter') !== name.endsWith('_total'));
    expect(misnamed).toEqual([]);
    expect(exposition).toMatch(/^nodejs_active_handles\{type="/m);
  });

  it('passes promtool check metrics', () => {
    const binary = promtool();
    if (binary === undefined) return;
    const check = spawnSync(binary, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
    expect({ status: check.status, output: `${check.stdout}${check.stderr}` }).toEqual({ status: 0, output: '' });
  });
});
