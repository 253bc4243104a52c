import { Injectable, Logger } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import type { PinnedVersion, Variant } from '../../domain/deployment/variant.js';
import { ModelRuntime } from '../ports/model-runtime.js';

/**
 * The version each variant answers with in this process. When a variant's pin changes (its alias
 * moved, or the deployment was written), the process keeps answering with the version it serves
 * while it loads and warms the new one, then switches in one step (requests already running finish
 * on the old session) and unloads the old one. So a switch never makes a request wait for a load
 * nor fail (docs/adr/0502). The first request of a variant in a process loads its version.
 */
@Injectable()
export class ServedVersions {
  private readonly logger = new Logger(ServedVersions.name);
  private readonly serving = new Map<string, PinnedVersion>();
  // The version each variant is loading to switch to: one load per switch, whatever the traffic.
  private readonly switching = new Map<string, string>();

  constructor(private readonly runtime: ModelRuntime) {}

  /** The version to answer with now for this variant of the deployment. */
  versionFor(deployment: Deployment, variant: Variant): PinnedVersion {
    const key = `${deployment.id}/${variant.name}`;
    const pinned = variant.version;
    const current = this.serving.get(key);
    if (!current) {
      this.serving.set(key, pinned);
      return pinned;
    }
    if (current.versionId === pinned.versionId) {
      // Pinned back before a switch ended: the switch under way must not complete.
      this.switching.delete(key);
      return current;
    }
    if (this.switching.get(key) !== pinned.versionId) this.switchTo(key, current, pinned);
    return current;
  }

  private switchTo(key: string, from: PinnedVersion, to: PinnedVersion): void {
    this.switching.set(key, to.versionId);
    this.runtime
      .ensureLoaded(to)
      .then(async () => {
        if (this.switching.get(key) !== to.versionId) return;
        this.switching.delete(key);
        this.serving.set(key, to);
        this.logger.log(`${key} switched from version ${from.versionId} to ${to.versionId}`);
        if (![...this.serving.values()].some((version) => version.versionId === from.versionId))
          await this.runtime.unload(from);
      })
      .catch((error: unknown) => {
        // The old version keeps answering; the next request tries the switch again.
        if (this.switching.get(key) === to.versionId) this.switching.delete(key);
        this.logger.warn(`${key} could not switch to version ${to.versionId}: ${(error as Error).message}`);
      });
  }
}
