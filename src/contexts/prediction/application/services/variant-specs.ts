import { parseModelReference } from '../../domain/deployment/model-reference.js';
import type { RuntimeName, VariantSpec } from '../../domain/deployment/variant.js';
import type { Routing, RoutingMode } from '../../domain/routing/traffic-router.js';

/** A variant as the API takes it: `model` is `<model name>@<alias>` or a model version id. */
export interface VariantInput {
  readonly name: string;
  readonly model: string;
  readonly runtime: string;
  readonly weight?: number;
  readonly shadow?: boolean;
}

export interface RoutingInput {
  readonly mode?: RoutingMode;
  readonly requestKeyHeader?: string;
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
    };
  });
}

export function routingOf(input: RoutingInput | undefined): Routing {
  return { mode: input?.mode ?? 'split', requestKeyHeader: input?.requestKeyHeader ?? DEFAULT_REQUEST_KEY_HEADER };
}
