import { Injectable, Logger } from '@nestjs/common';
import { RedisConnections } from '@libs/platform';
import { BanditFeedback } from '../../application/ports/bandit-feedback.js';
import type { ArmFeedback } from '../../domain/routing/thompson-sampling.js';

const PREFIX = 'prediction:bandit:';
// A deployment nobody gives feedback to for this long forgets its arms, so deleted ones leave nothing behind.
const IDLE_SECONDS = 30 * 24 * 3600;
const SUCCESS = ':s';
const FAILURE = ':f';

/**
 * One Redis hash per deployment, `prediction:bandit:{deployment}`, with a success and a failure
 * counter per arm. HINCRBY is atomic, so concurrent feedback from any process is counted once each;
 * the expiry moves with every feedback in the same MULTI. The feedback is already stored when it is
 * counted here, so a failed count is logged, not answered to the caller as a failed feedback.
 */
@Injectable()
export class RedisBanditFeedback extends BanditFeedback {
  private readonly logger = new Logger(RedisBanditFeedback.name);

  constructor(private readonly redis: RedisConnections) {
    super();
  }

  async observe(deploymentId: string, arm: string, success: boolean): Promise<void> {
    const key = PREFIX + deploymentId;
    try {
      await this.redis.command
        .multi()
        .hincrby(key, arm + (success ? SUCCESS : FAILURE), 1)
        .expire(key, IDLE_SECONDS)
        .exec();
    } catch (error) {
      this.logger.warn(`bandit feedback of ${deploymentId} not counted: ${(error as Error).message}`);
    }
  }

  async read(deploymentId: string): Promise<ReadonlyMap<string, ArmFeedback>> {
    const fields = await this.redis.command.hgetall(PREFIX + deploymentId);
    const arms = new Map<string, ArmFeedback>();
    for (const [field, count] of Object.entries(fields)) {
      const arm = field.slice(0, -2);
      const held = arms.get(arm) ?? { successes: 0, failures: 0 };
      arms.set(
        arm,
        field.endsWith(SUCCESS) ? { ...held, successes: Number(count) } : { ...held, failures: Number(count) },
      );
    }
    return arms;
  }
}
