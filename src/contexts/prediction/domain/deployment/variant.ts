import { ValidationError, type FieldProblem } from '@libs/ddd';
import type { ServingSignature } from '../tensor/tensor-spec.js';
import type { ModelReference } from './model-reference.js';
import { endpointProblems, type RemoteEndpoint } from './remote-endpoint.js';

export const RUNTIMES = ['onnx', 'sagemaker', 'v2-remote'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

/** A variant as the caller asks for it: what to serve, how, and its share of the traffic. */
export interface VariantSpec {
  readonly name: string;
  readonly model: ModelReference;
  readonly runtime: RuntimeName;
  /** Relative share of the primary traffic; a shadow variant takes none (it gets a copy of every request). */
  readonly weight: number;
  readonly shadow: boolean;
  /** Where a remote runtime reaches the model (docs/adr/0503); absent for `onnx`. */
  readonly endpoint?: RemoteEndpoint;
}

/** The model version a variant serves, as the registry described it when the deployment was written. */
export interface PinnedVersion {
  readonly versionId: string;
  readonly versionNumber: number;
  readonly modelName: string;
  readonly framework: string;
  readonly artifactKey: string;
  readonly artifactBytes: number;
  readonly signature: ServingSignature;
}

/** The registry's framework each runtime can load; a remote server runs whatever it serves (undefined). */
export const RUNTIME_FRAMEWORKS: Readonly<Record<RuntimeName, string | undefined>> = {
  onnx: 'onnx',
  sagemaker: undefined,
  'v2-remote': undefined,
};

export interface Variant extends VariantSpec {
  readonly version: PinnedVersion;
}

export const MAX_VARIANTS = 10;
// DNS-label-like, as KServe and SageMaker name their variants: safe in URLs, headers and metric labels.
const VARIANT_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The rules every set of variants keeps; throws with one problem per broken rule. */
export function checkVariants(variants: readonly VariantSpec[]): void {
  const problems: FieldProblem[] = [];
  if (variants.length === 0 || variants.length > MAX_VARIANTS)
    problems.push({ field: 'variants', message: `1 to ${MAX_VARIANTS} variants` });
  const names = new Set<string>();
  variants.forEach((variant, index) => {
    const at = `variants[${index}]`;
    if (!VARIANT_NAME.test(variant.name))
      problems.push({ field: `${at}.name`, message: 'lower-case letters, digits and inner dashes, at most 63' });
    if (names.has(variant.name)) problems.push({ field: `${at}.name`, message: `${variant.name} appears twice` });
    names.add(variant.name);
    if (!(RUNTIMES as readonly string[]).includes(variant.runtime))
      problems.push({ field: `${at}.runtime`, message: `must be one of ${RUNTIMES.join(', ')}` });
    else problems.push(...endpointProblems(variant.runtime, variant.endpoint, at));
    if (!Number.isFinite(variant.weight) || variant.weight < 0 || variant.weight > 1_000_000)
      problems.push({ field: `${at}.weight`, message: 'a number from 0 to 1000000' });
    else if (variant.shadow && variant.weight !== 0)
      problems.push({ field: `${at}.weight`, message: 'a shadow variant takes no share of the traffic: 0' });
  });
  const primaryWeight = variants.filter((variant) => !variant.shadow).reduce((sum, v) => sum + v.weight, 0);
  if (variants.length > 0 && !(primaryWeight > 0))
    problems.push({ field: 'variants', message: 'the variants that are not shadows need a positive total weight' });
  if (problems.length > 0) throw new ValidationError('The variants are invalid', problems, 'invalid-variants');
}
