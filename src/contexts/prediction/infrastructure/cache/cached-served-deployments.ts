import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { ServedDeployments } from '../../application/ports/served-deployments.js';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { PREDICTION_SETTINGS, type PredictionSettings } from '../config/prediction-settings.js';
import { DeploymentChangeSignals } from './deployment-change-signals.js';

// Far more deployments than a process serves; past it the least recently read are read again.
const MAX_COPIES = 10_000;

/**
 * This process's copies of the deployments it serves, so a request reads no row (docs/adr/0502).
 * A copy lives `PREDICTION_DEPLOYMENT_CACHE_TTL_MS` at most and is dropped as soon as a write
 * announces its deployment. Unknown names are not remembered: a deployment created a moment ago
 * answers at once. Concurrent reads of one missing copy share one query.
 */
@Injectable()
export class CachedServedDeployments extends ServedDeployments {
  private readonly copies?: LRUCache<string, Deployment>;
  private readonly reading = new Map<string, Promise<Deployment | undefined>>();
  // Bumped by every announcement: a read that began before it may hold the old row, so is not kept.
  private generation = 0;

  constructor(
    private readonly deployments: DeploymentRepository,
    signals: DeploymentChangeSignals,
    @Inject(PREDICTION_SETTINGS) settings: PredictionSettings,
  ) {
    super();
    const ttl = settings.deploymentCacheTtlMs;
    if (ttl > 0) this.copies = new LRUCache({ max: MAX_COPIES, ttl, ttlAutopurge: false });
    signals.onChange((deploymentId) => this.forget(deploymentId));
  }

  byId(id: string): Promise<Deployment | undefined> {
    return this.read(`id\u0000${id}`, () => this.deployments.find(id));
  }

  byName(projectId: string, name: string): Promise<Deployment | undefined> {
    return this.read(`name\u0000${projectId}\u0000${name}`, () => this.deployments.findByName(projectId, name));
  }

  /** Drops every copy of the deployment (read by id or by name), or every copy when undefined. */
  private forget(deploymentId: string | undefined): void {
    this.generation += 1;
    this.reading.clear();
    if (!this.copies) return;
    if (deploymentId === undefined) return this.copies.clear();
    for (const [key, copy] of this.copies.entries()) if (copy.id === deploymentId) this.copies.delete(key);
  }

  private async read(key: string, load: () => Promise<Deployment | undefined>): Promise<Deployment | undefined> {
    if (!this.copies) return load();
    const copy = this.copies.get(key);
    if (copy) return copy;
    return this.reading.get(key) ?? this.load(key, load);
  }

  private load(key: string, load: () => Promise<Deployment | undefined>): Promise<Deployment | undefined> {
    const generation = this.generation;
    const pending = load()
      .then((deployment) => {
        if (deployment && generation === this.generation) this.copies?.set(key, deployment);
        return deployment;
      })
      .finally(() => {
        if (this.reading.get(key) === pending) this.reading.delete(key);
      });
    this.reading.set(key, pending);
    return pending;
  }
}
