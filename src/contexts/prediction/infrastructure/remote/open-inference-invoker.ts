import { OutboundHttp, OutboundUrlRefused } from '@libs/outbound';
import type { OpenInferenceEndpoint } from '../../domain/deployment/remote-endpoint.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { inferenceRequestBody, outputsOfAnswer } from './open-inference-payload.js';
import { isTransientStatus, RemoteRefusal, TransientRemoteFailure } from './remote-call-failures.js';
import type { RemoteAttempt, RemoteInvoker } from './remote-invoker.js';

/**
 * `v2-remote`: POST {url}/v2/models/{model}[/versions/{version}]/infer on a KServe, Triton or
 * MLServer server, through the outbound policy on every call (the name is resolved and checked
 * each time, and the request connects to the checked address), never following redirects.
 */
export class OpenInferenceInvoker implements RemoteInvoker<OpenInferenceEndpoint> {
  constructor(
    private readonly http: OutboundHttp,
    private readonly maxResponseBytes: number,
  ) {}

  async invoke(attempt: RemoteAttempt<OpenInferenceEndpoint>): Promise<Tensor[]> {
    const { endpoint } = attempt;
    let response;
    try {
      response = await this.http.request(
        {
          method: 'POST',
          url: inferUrl(endpoint),
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: inferenceRequestBody(attempt.inputs, attempt.outputs),
        },
        { maxRedirects: 0, maxResponseBytes: this.maxResponseBytes },
        attempt.signal,
      );
    } catch (error) {
      // A refused URL stays refused; anything else (refused connection, reset, DNS) may pass later.
      if (error instanceof OutboundUrlRefused)
        throw new RemoteRefusal(`the outbound policy refuses it: ${error.message}`);
      throw new TransientRemoteFailure(`the server did not answer: ${(error as Error).message}`);
    }
    if (isTransientStatus(response.status)) throw new TransientRemoteFailure(`the server answered ${response.status}`);
    if (response.status !== 200) throw new RemoteRefusal(`the server answered ${response.status}`);
    return outputsOfAnswer(response.body.toString('utf8'), attempt.outputs);
  }
}

function inferUrl(endpoint: OpenInferenceEndpoint): URL {
  const base = endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`;
  const model = `v2/models/${encodeURIComponent(endpoint.modelName)}`;
  const version = endpoint.modelVersion ? `/versions/${encodeURIComponent(endpoint.modelVersion)}` : '';
  return new URL(`${model}${version}/infer`, base);
}
