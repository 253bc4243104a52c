import { Injectable } from '@nestjs/common';
import { newId, NotFoundError, ValidationError } from '@libs/ddd';
import type { Deployment } from '../../domain/deployment/deployment.js';
import type { PinnedVersion, Variant } from '../../domain/deployment/variant.js';
import { routeRequest } from '../../domain/routing/traffic-router.js';
import type { ServingSignature, Tensor } from '../../domain/tensor/tensor-spec.js';
import { InferenceInputs, type RequestTensor } from '../ports/inference-inputs.js';
import { PredictionLog } from '../ports/prediction-log.js';
import { PredictionMetrics, type VariantRole } from '../ports/prediction-metrics.js';
import { ShadowAnswers } from '../ports/shadow-answers.js';
import { TrafficRandom } from '../ports/traffic-random.js';
import { BanditRouting } from './bandit-routing.js';
import { VersionAnswers } from './version-answers.js';

export interface VariantInferenceRequest {
  readonly deployment: Deployment;
  /** A variant the caller targets by name; otherwise the deployment's routing picks one. */
  readonly variantName?: string;
  readonly requestKey?: string;
  /** The inputs for the signature of the variant that answers (each variant may have its own). */
  readonly inputsFor: (signature: ServingSignature) => readonly RequestTensor[];
  readonly outputs?: readonly string[];
  readonly requestId: string;
  /** False when the caller asked for a fresh answer (no response cache). */
  readonly cacheAllowed?: boolean;
}

export interface VariantInferenceAnswer {
  readonly requestId: string;
  /** The id feedback names this prediction by (docs/adr/0505). */
  readonly predictionId: string;
  readonly deployment: Deployment;
  readonly variant: Variant;
  /** The version that answered: the variant's pin, or during a switch the one still serving (ADR 0502). */
  readonly version: PinnedVersion;
  readonly outputs: Tensor[];
}

/**
 * Answers one request from one variant of a deployment: routes it, checks the inputs against
 * that variant's signature (a bad input never reaches the runtime), runs it, and sends a copy to
 * every shadow variant without waiting for their answers.
 */
@Injectable()
export class VariantInference {
  constructor(
    private readonly inputs: InferenceInputs,
    private readonly answers: VersionAnswers,
    private readonly random: TrafficRandom,
    private readonly metrics: PredictionMetrics,
    private readonly shadowAnswers: ShadowAnswers,
    private readonly log: PredictionLog,
    private readonly bandit: BanditRouting,
  ) {}

  async run(request: VariantInferenceRequest): Promise<VariantInferenceAnswer> {
    const { deployment } = request;
    const route = request.variantName
      ? { primary: requireVariant(deployment, request.variantName), shadows: [] }
      : deployment.routing.mode === 'bandit'
        ? await this.bandit.route(deployment)
        : routeRequest(deployment.variants, deployment.routing, {
            requestKey: request.requestKey,
            random: () => this.random.next(),
          });
    const predictionId = newId();
    const started = performance.now();
    const logged = { predictionId, request, variant: route.primary, started };
    let answered: { version: PinnedVersion; outputs: Tensor[] };
    try {
      answered = await this.answer(route.primary, request, 'primary');
    } catch (error) {
      // A request that does not fit is the caller's mistake, not the variant's failure.
      if (!(error instanceof ValidationError)) this.logAnswer(logged, route.primary.version, undefined);
      throw error;
    }
    const { version, outputs } = answered;
    this.logAnswer(logged, version, outputs);
    for (const shadow of route.shadows) void this.shadow(shadow, request);
    return { requestId: request.requestId, predictionId, deployment, variant: route.primary, version, outputs };
  }

  /** Every primary answer is recorded (feedback needs it); only the sampled share keeps its payloads. */
  private logAnswer(
    answer: { predictionId: string; request: VariantInferenceRequest; variant: Variant; started: number },
    version: PinnedVersion,
    outputs: Tensor[] | undefined,
  ): void {
    const { deployment } = answer.request;
    this.log.record({
      predictionId: answer.predictionId,
      projectId: deployment.projectId,
      deploymentId: deployment.id,
      variant: answer.variant.name,
      modelVersionId: version.versionId,
      outcome: outputs ? 'ok' : 'failed',
      predicted: outputs?.[0]?.data[0],
      latencyMs: performance.now() - answer.started,
      at: new Date(),
      sampleRate: deployment.serving.logging.sampleRate,
      payload: {
        request: () => answer.request.inputsFor(version.signature),
        response: () => outputs ?? null,
      },
    });
  }

  private async answer(
    variant: Variant,
    request: VariantInferenceRequest,
    role: VariantRole,
  ): Promise<{ version: PinnedVersion; outputs: Tensor[] }> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    // The version this process answers with: during a switch, the one it served until the new one is warm.
    const version = this.answers.versionFor(request.deployment, variant);
    const measured = { deploymentId: request.deployment.id, variant: variant.name };
    const { signature, versionId } = version;
    let inputs: Tensor[];
    try {
      checkRequestedOutputs(signature, request.outputs);
      inputs = this.inputs.check(versionId, signature, request.inputsFor(signature));
    } catch (error) {
      this.metrics.served(measured, role, 'invalid', seconds());
      throw error;
    }
    try {
      const outputs = await this.answers.answer({
        deployment: request.deployment,
        variant,
        version,
        inputs,
        outputs: request.outputs,
        cacheAllowed: request.cacheAllowed ?? true,
      });
      this.metrics.served(measured, role, 'ok', seconds());
      return { version, outputs };
    } catch (error) {
      this.metrics.served(measured, role, 'failed', seconds());
      throw error;
    }
  }

  /** A shadow's answer or failure is recorded and never reaches the caller. */
  private async shadow(variant: Variant, request: VariantInferenceRequest): Promise<void> {
    const started = performance.now();
    const base = {
      deploymentId: request.deployment.id,
      variant: variant.name,
      versionId: variant.version.versionId,
      requestId: request.requestId,
    };
    try {
      const { version, outputs } = await this.answer(variant, request, 'shadow');
      this.shadowAnswers.record({
        ...base,
        versionId: version.versionId,
        outputs,
        seconds: (performance.now() - started) / 1000,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.shadowAnswers.record({ ...base, error: message, seconds: (performance.now() - started) / 1000 });
    }
  }
}

function requireVariant(deployment: Deployment, name: string): Variant {
  const variant = deployment.variant(name);
  if (!variant) throw new NotFoundError('Model version', `${deployment.name}/${name}`);
  return variant;
}

function checkRequestedOutputs(signature: ServingSignature, outputs: readonly string[] | undefined): void {
  const unknown = (outputs ?? []).filter((name) => !signature.outputs.some((output) => output.name === name));
  if (unknown.length > 0)
    throw new ValidationError(
      'The request names outputs the model does not have',
      unknown.map((name) => ({ field: `outputs.${name}`, message: 'is not an output of the model' })),
      'inference-output-unknown',
    );
}
