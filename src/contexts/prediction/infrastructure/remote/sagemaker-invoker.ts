import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import type { SageMakerEndpoint } from '../../domain/deployment/remote-endpoint.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { inferenceRequestBody, outputsOfAnswer } from './open-inference-payload.js';
import { isTransientStatus, RemoteRefusal, TransientRemoteFailure } from './remote-call-failures.js';
import type { RemoteAttempt, RemoteInvoker } from './remote-invoker.js';

interface ServiceFailure {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * `sagemaker`: InvokeEndpoint through the AWS SDK, credentials from the standard AWS environment.
 * The body is the inference protocol's JSON, which Triton and MLServer containers on SageMaker
 * take as `application/json`. The SDK's own retries are off: the target's policy owns them.
 */
export class SageMakerInvoker implements RemoteInvoker<SageMakerEndpoint> {
  private readonly clients = new Map<string, SageMakerRuntimeClient>();

  constructor(private readonly endpointUrl?: string) {}

  async invoke(attempt: RemoteAttempt<SageMakerEndpoint>): Promise<Tensor[]> {
    const { endpoint } = attempt;
    const command = new InvokeEndpointCommand({
      EndpointName: endpoint.endpointName,
      ContentType: endpoint.contentType,
      Accept: 'application/json',
      Body: Buffer.from(inferenceRequestBody(attempt.inputs, attempt.outputs)),
      ...(endpoint.targetVariant && { TargetVariant: endpoint.targetVariant }),
    });
    let body: Uint8Array | undefined;
    try {
      body = (await this.client(endpoint.region).send(command, { abortSignal: attempt.signal })).Body;
    } catch (error) {
      throw failureOf(error as ServiceFailure);
    }
    return outputsOfAnswer(Buffer.from(body ?? new Uint8Array()).toString('utf8'), attempt.outputs);
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private client(region: string | undefined): SageMakerRuntimeClient {
    const key = region ?? '';
    let client = this.clients.get(key);
    if (!client) {
      client = new SageMakerRuntimeClient({
        ...(region && { region }),
        ...(this.endpointUrl && { endpoint: this.endpointUrl }),
        maxAttempts: 1,
      });
      this.clients.set(key, client);
    }
    return client;
  }
}

/** A 5xx, a throttle or no answer at all may pass on a retry; a 4xx (ModelError included) will not. */
function failureOf(error: ServiceFailure): Error {
  const status = error.$metadata?.httpStatusCode;
  const what = `${error.name ?? 'Error'}: ${error.message ?? ''}`;
  if (status === undefined || isTransientStatus(status))
    return new TransientRemoteFailure(`SageMaker did not answer: ${what}`);
  return new RemoteRefusal(`SageMaker refused the call (${status}) ${what}`);
}
