import { describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { RegistryWorld } from './model-registry/registry-world.js';
import { Client, FAST_AUTH_ENV, startAuthApp } from './user-management/auth-client.js';
import { startWorkflowWorld } from './workflows-support.js';

/**
 * The helpers that boot the platform for e2e tests put their settings in process.env for the boot
 * only: the rest of the test file (its other tests, the apps it starts) must not inherit them.
 */
describe('the test apps', () => {
  const SETTINGS = { AUTH_SELF_SIGNUP: 'true', WORKFLOW_RECONCILE_INTERVAL_MS: '1234' };
  const names = [...Object.keys(FAST_AUTH_ENV), ...Object.keys(SETTINGS), 'STORAGE_DRIVER', 'STORAGE_DIR'];
  const environment = () => Object.fromEntries(names.map((name) => [name, process.env[name]]));

  /** Self sign-up answers 201 only where AUTH_SELF_SIGNUP reached the app. */
  const signsUp = async (app: TestApp): Promise<number> =>
    (
      await new Client(app.url).call('POST', '/api/v1/auth/sign-up', {
        email: `self-${Date.now()}-${Math.random()}@example.org`,
        password: 'my own long passphrase',
        displayName: 'Self',
      })
    ).status;

  it('user management boots with the settings it is given and leaves process.env as it found it', async () => {
    const before = environment();
    const app = await startAuthApp(SETTINGS);
    try {
      expect(environment()).toEqual(before);
      expect(await signsUp(app)).toBe(201);
    } finally {
      await app.close();
    }
    expect(environment()).toEqual(before);
  });

  it('the registry world boots with its settings and storage, as does another instance of it, and leaves process.env as it found it', async () => {
    const before = environment();
    const world = await RegistryWorld.onFilesystem(SETTINGS);
    try {
      expect(environment()).toEqual(before);
      expect(await signsUp(world.app)).toBe(201);
      const another = await world.anotherInstance();
      try {
        expect(environment()).toEqual(before);
        expect(await signsUp(another)).toBe(201);
      } finally {
        await another.close();
      }
    } finally {
      await world.close();
    }
    expect(environment()).toEqual(before);
  });

  it('the workflow world boots with the settings it is given and leaves process.env as it found it', async () => {
    const before = environment();
    const world = await startWorkflowWorld(SETTINGS);
    try {
      expect(environment()).toEqual(before);
      expect(await signsUp(world.app)).toBe(201);
    } finally {
      await world.app.close();
    }
    expect(environment()).toEqual(before);
  });
});
