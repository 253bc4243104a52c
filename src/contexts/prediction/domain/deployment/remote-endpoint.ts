import type { FieldProblem } from '@libs/ddd';

/** A SageMaker real-time endpoint reached with InvokeEndpoint; the body is the inference protocol's JSON. */
export interface SageMakerEndpoint {
  readonly kind: 'sagemaker';
  readonly endpointName: string;
  /** The AWS region of the endpoint; the standard AWS environment's when absent. */
  readonly region?: string;
  /** One production variant of the SageMaker endpoint (its `TargetVariant`); SageMaker's own split when absent. */
  readonly targetVariant?: string;
  readonly contentType: 'application/json';
}

/** A KServe, Triton or MLServer server reached over the Open Inference Protocol (v2). */
export interface OpenInferenceEndpoint {
  readonly kind: 'v2-remote';
  /** The server's base URL; `/v2/models/{modelName}/...` is appended. */
  readonly url: string;
  readonly modelName: string;
  readonly modelVersion?: string;
}

/** Where a remote variant's model runs: the registry's version only describes it, its bytes stay there. */
export type RemoteEndpoint = SageMakerEndpoint | OpenInferenceEndpoint;

// SageMaker's own rules for endpoint and variant names.
const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
// The protocol puts model names and versions in URL paths.
const MODEL_SEGMENT = /^[A-Za-z0-9_.-]{1,200}$/;

/** What is wrong with a variant's endpoint for its runtime, one problem per field, under `at`. */
export function endpointProblems(runtime: string, endpoint: RemoteEndpoint | undefined, at: string): FieldProblem[] {
  if (runtime === 'onnx')
    return endpoint ? [{ field: `${at}.endpoint`, message: 'the onnx runtime runs in-process: no endpoint' }] : [];
  if (!endpoint || endpoint.kind !== runtime)
    return [{ field: `${at}.endpoint`, message: `the ${runtime} runtime needs an endpoint of kind ${runtime}` }];
  return endpoint.kind === 'sagemaker' ? sageMakerProblems(endpoint, at) : openInferenceProblems(endpoint, at);
}

function sageMakerProblems(endpoint: SageMakerEndpoint, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!SAGEMAKER_NAME.test(endpoint.endpointName ?? ''))
    problems.push({ field: `${at}.endpoint.endpointName`, message: 'a SageMaker endpoint name' });
  if (endpoint.region !== undefined && !REGION.test(endpoint.region))
    problems.push({ field: `${at}.endpoint.region`, message: 'an AWS region such as eu-west-1' });
  if (endpoint.targetVariant !== undefined && !SAGEMAKER_NAME.test(endpoint.targetVariant))
    problems.push({ field: `${at}.endpoint.targetVariant`, message: 'a SageMaker production variant name' });
  if (endpoint.contentType !== 'application/json')
    problems.push({ field: `${at}.endpoint.contentType`, message: 'application/json' });
  return problems;
}

function openInferenceProblems(endpoint: OpenInferenceEndpoint, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!URL.canParse(endpoint.url ?? '')) problems.push({ field: `${at}.endpoint.url`, message: 'an absolute URL' });
  if (!MODEL_SEGMENT.test(endpoint.modelName ?? ''))
    problems.push({ field: `${at}.endpoint.modelName`, message: 'letters, digits, dots, dashes and underscores' });
  if (endpoint.modelVersion !== undefined && !MODEL_SEGMENT.test(endpoint.modelVersion))
    problems.push({ field: `${at}.endpoint.modelVersion`, message: 'letters, digits, dots, dashes and underscores' });
  return problems;
}
