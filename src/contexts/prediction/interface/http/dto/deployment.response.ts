import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Deployment } from '../../../domain/deployment/deployment.js';
import { formatModelReference } from '../../../domain/deployment/model-reference.js';
import type { RemoteEndpoint } from '../../../domain/deployment/remote-endpoint.js';
import type { Variant } from '../../../domain/deployment/variant.js';
import { ROUTING_MODES, type RoutingMode } from '../../../domain/routing/traffic-router.js';
import { ServingOptionsResponse } from './serving-options.response.js';

export class EndpointResponse {
  @ApiProperty({ enum: ['sagemaker', 'v2-remote'] }) kind!: string;
  @ApiPropertyOptional() endpointName?: string;
  @ApiPropertyOptional() region?: string;
  @ApiPropertyOptional() targetVariant?: string;
  @ApiPropertyOptional() contentType?: string;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional() modelName?: string;
  @ApiPropertyOptional() modelVersion?: string;

  static of(endpoint: RemoteEndpoint): EndpointResponse {
    return endpoint.kind === 'sagemaker'
      ? {
          kind: endpoint.kind,
          endpointName: endpoint.endpointName,
          region: endpoint.region,
          targetVariant: endpoint.targetVariant,
          contentType: endpoint.contentType,
        }
      : { kind: endpoint.kind, url: endpoint.url, modelName: endpoint.modelName, modelVersion: endpoint.modelVersion };
  }
}

export class VariantResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'As written: <model name>@<alias> or a model version id' }) model!: string;
  @ApiProperty({ format: 'uuid', description: 'The version the variant serves' }) modelVersionId!: string;
  @ApiProperty() modelVersionNumber!: number;
  @ApiProperty() runtime!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() shadow!: boolean;
  @ApiPropertyOptional({ type: EndpointResponse, description: 'Where a remote runtime reaches the model' })
  endpoint?: EndpointResponse;

  static of(variant: Variant): VariantResponse {
    return {
      name: variant.name,
      model: formatModelReference(variant.model),
      modelVersionId: variant.version.versionId,
      modelVersionNumber: variant.version.versionNumber,
      runtime: variant.runtime,
      weight: variant.weight,
      shadow: variant.shadow,
      ...(variant.endpoint && { endpoint: EndpointResponse.of(variant.endpoint) }),
    };
  }
}

export class RoutingResponse {
  @ApiProperty({ enum: ROUTING_MODES }) mode!: RoutingMode;
  @ApiProperty() requestKeyHeader!: string;
  @ApiPropertyOptional({ description: 'bandit mode: judged feedback each variant needs before Thompson sampling' })
  minFeedback?: number;
}

export class DeploymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: RoutingResponse }) routing!: RoutingResponse;
  @ApiProperty({ type: [VariantResponse] }) variants!: VariantResponse[];
  @ApiProperty({ type: ServingOptionsResponse }) serving!: ServingOptionsResponse;
  @ApiProperty({ enum: ['Active'] }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(deployment: Deployment): DeploymentResponse {
    const state = deployment.snapshot;
    return {
      id: state.id,
      projectId: state.projectId,
      name: state.name,
      description: state.description,
      routing: {
        mode: state.routing.mode,
        requestKeyHeader: state.routing.requestKeyHeader,
        ...(state.routing.minFeedback !== undefined && { minFeedback: state.routing.minFeedback }),
      },
      variants: state.variants.map((variant) => VariantResponse.of(variant)),
      serving: ServingOptionsResponse.of(state.serving),
      status: state.status,
      version: deployment.version,
      createdBy: state.createdBy,
      createdAt: state.createdAt.toISOString(),
      updatedAt: state.updatedAt.toISOString(),
    };
  }
}

export class DeploymentListResponse {
  @ApiProperty({ type: [DeploymentResponse] }) items!: DeploymentResponse[];

  static of(deployments: readonly Deployment[]): DeploymentListResponse {
    return { items: deployments.map((deployment) => DeploymentResponse.of(deployment)) };
  }
}
