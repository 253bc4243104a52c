import type { ArmFeedback } from '../../domain/routing/thompson-sampling.js';

/** The arm a judged answer counts for: a variant at the version that answered (a rolled variant starts over). */
export function banditArm(variant: string, modelVersionId: string): string {
  return `${variant}/${modelVersionId}`;
}

/**
 * Port: the successes and failures of each deployment's arms, shared by every process that
 * routes (docs/adr/0507). Counting is atomic, so concurrent feedback is never lost.
 */
export abstract class BanditFeedback {
  abstract observe(deploymentId: string, arm: string, success: boolean): Promise<void>;
  /** Every arm of the deployment with feedback, by `banditArm`. */
  abstract read(deploymentId: string): Promise<ReadonlyMap<string, ArmFeedback>>;
}
