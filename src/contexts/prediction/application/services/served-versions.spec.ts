import { describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { ScriptedModelRuntime } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aPinnedVersion, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import { ServedVersions } from './served-versions.js';

const v1 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000e1', versionNumber: 1 });
const v2 = aPinnedVersion({ versionId: '0190a6a0-0000-7000-8000-0000000000e2', versionNumber: 2 });

/** Records unloads; loads wait for `finishLoads()` so a spec sees the time in between. */
class SlowLoadingRuntime extends ScriptedModelRuntime {
  readonly unloaded: string[] = [];
  private pending: (() => void)[] = [];

  override async ensureLoaded(version: PinnedVersion): Promise<void> {
    await new Promise<void>((resolve) => this.pending.push(resolve));
    return super.ensureLoaded(version);
  }

  override unload(version: PinnedVersion): Promise<void> {
    this.unloaded.push(version.versionId);
    return Promise.resolve();
  }

  finishLoads(): void {
    for (const resolve of this.pending.splice(0)) resolve();
  }
}

function deploymentServing(version: PinnedVersion): Deployment {
  return Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
    variants: [aVariant('champion', 1, { version })],
    createdBy: ACTOR,
    at: new Date(),
  });
}

describe('ServedVersions', () => {
  it('keeps answering with the version it serves until the new pin is loaded, then switches and unloads the old', async () => {
    const runtime = new SlowLoadingRuntime();
    const served = new ServedVersions(runtime);
    const before = deploymentServing(v1);
    const after = Deployment.restore({ ...before.snapshot, variants: [{ ...before.variants[0], version: v2 }] }, 2);

    expect(served.versionFor(before, before.variants[0])).toBe(v1);
    expect(served.versionFor(after, after.variants[0])).toBe(v1);
    expect(served.versionFor(after, after.variants[0])).toBe(v1);
    expect(runtime.unloaded).toEqual([]);

    runtime.finishLoads();
    await waitFor(() => runtime.unloaded.length === 1, { what: 'the old version unloaded' });
    expect(runtime.loads).toEqual([v2.versionId]);
    expect(served.versionFor(after, after.variants[0])).toBe(v2);
    expect(runtime.unloaded).toEqual([v1.versionId]);
  });

  it('stays on the old version when the new one does not load, and tries again on a later request', async () => {
    const runtime = new SlowLoadingRuntime().breaks(v2.versionId);
    const served = new ServedVersions(runtime);
    const before = deploymentServing(v1);
    const after = Deployment.restore({ ...before.snapshot, variants: [{ ...before.variants[0], version: v2 }] }, 2);
    served.versionFor(before, before.variants[0]);

    expect(served.versionFor(after, after.variants[0])).toBe(v1);
    runtime.finishLoads();
    await waitFor(() => runtime.loads.length === 1, { what: 'the failed load' });
    await waitFor(
      () => {
        served.versionFor(after, after.variants[0]);
        runtime.finishLoads();
        return runtime.loads.length === 2;
      },
      { what: 'a second attempt' },
    );

    expect(served.versionFor(after, after.variants[0])).toBe(v1);
    expect(runtime.unloaded).toEqual([]);
  });

  it('does not switch when the pin goes back to the served version before the new one is warm', async () => {
    const runtime = new SlowLoadingRuntime();
    const served = new ServedVersions(runtime);
    const before = deploymentServing(v1);
    const after = Deployment.restore({ ...before.snapshot, variants: [{ ...before.variants[0], version: v2 }] }, 2);
    served.versionFor(before, before.variants[0]);

    served.versionFor(after, after.variants[0]);
    expect(served.versionFor(before, before.variants[0])).toBe(v1);
    runtime.finishLoads();
    await waitFor(() => runtime.loads.length === 1, { what: 'the abandoned load' });

    expect(served.versionFor(before, before.variants[0])).toBe(v1);
    expect(runtime.unloaded).toEqual([]);
  });
});
