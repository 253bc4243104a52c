import { Injectable, Logger } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import {
  DEFAULT_MIN_FEEDBACK,
  NO_FEEDBACK,
  routeByFeedback,
  type ArmFeedback,
} from '../../domain/routing/thompson-sampling.js';
import type { RouteChoice } from '../../domain/routing/traffic-router.js';
import { banditArm, BanditFeedback } from '../ports/bandit-feedback.js';
import { FeedbackSettings } from '../ports/feedback-settings.js';
import { TrafficRandom } from '../ports/traffic-random.js';

interface HeldFeedback {
  readonly readAt: number;
  readonly arms: Promise<ReadonlyMap<string, ArmFeedback>>;
}

/**
 * Routes a `bandit` deployment's request by Thompson sampling over the feedback in Redis. A
 * process reads a deployment's counts at most once per `PREDICTION_BANDIT_REFRESH_MS` (concurrent
 * requests share the read), so the answer path does not wait on Redis per request; when Redis
 * fails, the read counts as no feedback and the weights route.
 */
@Injectable()
export class BanditRouting {
  private readonly logger = new Logger(BanditRouting.name);
  private readonly held = new Map<string, HeldFeedback>();

  constructor(
    private readonly feedback: BanditFeedback,
    private readonly random: TrafficRandom,
    private readonly settings: FeedbackSettings,
  ) {}

  async route(deployment: Deployment): Promise<RouteChoice> {
    const arms = await this.armsOf(deployment.id);
    return routeByFeedback(
      deployment.variants,
      deployment.routing.minFeedback ?? DEFAULT_MIN_FEEDBACK,
      (variant) => arms.get(banditArm(variant.name, variant.version.versionId)) ?? NO_FEEDBACK,
      () => this.random.next(),
    );
  }

  private armsOf(deploymentId: string): Promise<ReadonlyMap<string, ArmFeedback>> {
    const now = performance.now();
    const held = this.held.get(deploymentId);
    if (held && now - held.readAt < this.settings.banditRefreshMs) return held.arms;
    const arms = this.feedback.read(deploymentId).catch((error: unknown) => {
      this.logger.warn(`bandit feedback unreadable, routing by weight: ${(error as Error).message}`);
      return new Map<string, ArmFeedback>();
    });
    this.held.set(deploymentId, { readAt: now, arms });
    return arms;
  }
}
