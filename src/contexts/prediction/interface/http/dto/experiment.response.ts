import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExperimentView } from '../../../application/get-experiment/get-experiment.handler.js';
import type { ExperimentDecision } from '../../../application/ports/experiment-decisions.js';
import type { ArmMetrics } from '../../../domain/experiment/experiment.js';
import { ExperimentOptionsResponse } from './serving-options.response.js';

export class VariantMetricsResponse {
  @ApiProperty() variant!: string;
  @ApiProperty({ format: 'uuid' }) modelVersionId!: string;
  @ApiProperty() predictions!: number;
  @ApiProperty() errorRate!: number;
  @ApiProperty() meanLatencyMs!: number;
  @ApiProperty({ description: 'Feedback the configured metric counts' }) samples!: number;
  @ApiProperty({ nullable: true, type: Number }) accuracy!: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanAbsoluteError!: number | null;

  static of(arm: ArmMetrics): VariantMetricsResponse {
    return {
      variant: arm.variant,
      modelVersionId: arm.modelVersionId,
      predictions: arm.predictions,
      errorRate: arm.errorRate,
      meanLatencyMs: arm.meanLatencyMs,
      samples: arm.samples,
      accuracy: arm.accuracy,
      meanAbsoluteError: arm.meanAbsoluteError,
    };
  }
}

export class ComparisonResponse {
  @ApiProperty() first!: string;
  @ApiProperty() second!: string;
  @ApiProperty({ enum: ['two-proportion-z', 'welch-t', 'msprt-two-proportion'] }) test!: string;
  @ApiProperty({ description: 'z, t, or (msprt-two-proportion) the largest log mixture likelihood ratio so far' })
  statistic!: number;
  @ApiPropertyOptional() degreesOfFreedom?: number;
  @ApiProperty({ description: 'msprt-two-proportion: always valid, however often the result is looked at' })
  pValue!: number;
  @ApiProperty({ description: 'First minus second, in the metric' }) difference!: number;
  @ApiProperty({ type: [Number], description: 'Of the difference' }) confidenceInterval!: number[];
  @ApiProperty() confidenceLevel!: number;
  @ApiProperty() significant!: boolean;
  @ApiPropertyOptional() winner?: string;
}

export class ExperimentDecisionResponse {
  @ApiProperty() alias!: string;
  @ApiProperty() modelName!: string;
  @ApiProperty() winnerVariant!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) fromVersionId!: string | null;
  @ApiProperty({ format: 'uuid' }) toVersionId!: string;
  @ApiProperty() pValue!: number;
  @ApiProperty({ enum: ['moved', 'refused'] }) outcome!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;

  static of(decision: ExperimentDecision): ExperimentDecisionResponse {
    return {
      alias: decision.alias,
      modelName: decision.modelName,
      winnerVariant: decision.winnerVariant,
      fromVersionId: decision.fromVersionId ?? null,
      toVersionId: decision.toVersionId,
      pValue: decision.pValue,
      outcome: decision.outcome,
      reason: decision.reason,
      decidedAt: decision.decidedAt.toISOString(),
    };
  }
}

export class ExperimentResponse {
  @ApiProperty({ format: 'uuid' }) deploymentId!: string;
  @ApiProperty({ type: ExperimentOptionsResponse }) options!: ExperimentOptionsResponse;
  @ApiProperty({
    enum: ['no-pair', 'collecting', 'not-significant', 'significant'],
    description: 'collecting: a primary variant has fewer than minSamples feedback (no test before the horizon)',
  })
  status!: string;
  @ApiProperty({ type: [VariantMetricsResponse] }) variants!: VariantMetricsResponse[];
  @ApiPropertyOptional({ type: ComparisonResponse }) comparison?: ComparisonResponse;
  @ApiProperty({ type: [ExperimentDecisionResponse] }) decisions!: ExperimentDecisionResponse[];

  static of(view: ExperimentView): ExperimentResponse {
    const { comparison } = view.result;
    return {
      deploymentId: view.deploymentId,
      options: { ...view.options, promote: { ...view.options.promote } },
      status: view.result.status,
      variants: view.result.arms.map((arm) => VariantMetricsResponse.of(arm)),
      ...(comparison
        ? {
            comparison: {
              first: comparison.first,
              second: comparison.second,
              ...comparison.test,
              confidenceInterval: [...comparison.test.confidenceInterval],
              ...(comparison.winner ? { winner: comparison.winner } : {}),
            },
          }
        : {}),
      decisions: view.decisions.map((decision) => ExperimentDecisionResponse.of(decision)),
    };
  }
}
