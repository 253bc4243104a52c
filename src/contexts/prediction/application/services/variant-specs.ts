import { parseModelReference } from '../../domain/deployment/model-reference.js';
import type { RemoteEndpoint } from '../../domain/deployment/remote-endpoint.js';
import type { RuntimeName, VariantSpec } from '../../domain/deployment/variant.js';
import type { Routing, RoutingMode } from '../../domain/routing/traffic-router.js';

/** A variant as the API takes it: `model` is `<model name>@<alias>` or a model version id. */
export interface VariantInput {
  readonly name: string;
  readonly model: string;
  readonly runtime: string;
  readonly weight?: number;
  readonly shadow?: boolean;
  readonly endpoint?: EndpointInput;
}

/** A remote runtime's endpoint as the API takes it: the fields of its runtime's kind (docs/adr/0503). */
export interface EndpointInput {
  readonly endpointName?: string;
  readonly region?: string;
  readonly targetVariant?: string;
  readonly contentType?: string;
  readonly url?: string;
  readonly modelName?: string;
  readonly modelVersion?: string;
}

export interface RoutingInput {
  readonly mode?: RoutingMode;
  readonly requestKeyHeader?: string;
  readonly minFeedback?: number;
}

export const DEFAULT_REQUEST_KEY_HEADER = 'x-request-key';

/** The API's variants as the domain's specs; the runtime and weight are checked with the rest of the list. */
export function variantSpecs(inputs: readonly VariantInput[]): VariantSpec[] {
  return inputs.map((input, index) => {
    const shadow = input.shadow ?? false;
    return {
      name: input.name,
      model: parseModelReference(input.model, `variants[${index}].model`),
      runtime: input.runtime as RuntimeName,
      weight: input.weight ?? (shadow ? 0 : 1),
      shadow,
      ...(input.endpoint && { endpoint: endpointOf(input.runtime, input.endpoint) }),
    };
  });
}

/** The endpoint of the variant's runtime kind; the domain checks its fields with the rest of the variant. */
function endpointOf(runtime: string, input: EndpointInput): RemoteEndpoint {
  if (runtime === 'sagemaker')
    return {
      kind: 'sagemaker',
      endpointName: input.endpointName ?? '',
      ...(input.region !== undefined && { region: input.region }),
      ...(input.targetVariant !== undefined && { targetVariant: input.targetVariant }),
      contentType: (input.contentType ?? 'application/json') as 'application/json',
    };
  return {
    kind: 'v2-remote',
    url: input.url ?? '',
    modelName: input.modelName ?? '',
    ...(input.modelVersion !== undefined && { modelVersion: input.modelVersion }),
  };
}

export function routingOf(input: RoutingInput | undefined): Routing {
  return {
    mode: input?.mode ?? 'split',
    requestKeyHeader: input?.requestKeyHeader ?? DEFAULT_REQUEST_KEY_HEADER,
    ...(input?.minFeedback !== undefined && { minFeedback: input.minFeedback }),
  };
}
