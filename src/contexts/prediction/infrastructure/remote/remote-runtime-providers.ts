import type { Provider } from '@nestjs/common';
import { OutboundHttp, OutboundPolicy, readOutboundRules } from '@libs/outbound';
import { RemoteModelRuntime } from '../../application/ports/remote-model-runtime.js';
import { RemoteUrls } from '../../application/ports/remote-urls.js';
import { readRemoteRuntimeSettings } from '../config/remote-runtime-settings.js';
import {
  PrometheusRemoteCallMetrics,
  REMOTE_CALL_METRIC_PROVIDERS,
} from '../metrics/prometheus-remote-call-metrics.js';
import { OpenInferenceInvoker } from './open-inference-invoker.js';
import { PolicyRemoteUrls } from './policy-remote-urls.js';
import { RemoteCallMetrics } from './remote-call-metrics.js';
import { ResilientRemoteRuntime } from './resilient-remote-runtime.js';
import { SageMakerInvoker } from './sagemaker-invoker.js';

const REMOTE_OUTBOUND_POLICY = Symbol('REMOTE_OUTBOUND_POLICY');

/** The sagemaker and v2-remote runtimes, their settings (read at boot), the outbound policy and metrics. */
export function remoteRuntimeProviders(): Provider[] {
  const settings = readRemoteRuntimeSettings(process.env);
  return [
    { provide: REMOTE_OUTBOUND_POLICY, useFactory: () => new OutboundPolicy(readOutboundRules(process.env)) },
    {
      provide: RemoteUrls,
      useFactory: (policy: OutboundPolicy) => new PolicyRemoteUrls(policy),
      inject: [REMOTE_OUTBOUND_POLICY],
    },
    ...REMOTE_CALL_METRIC_PROVIDERS,
    { provide: RemoteCallMetrics, useClass: PrometheusRemoteCallMetrics },
    {
      provide: RemoteModelRuntime,
      useFactory: (policy: OutboundPolicy, metrics: RemoteCallMetrics) =>
        new ResilientRemoteRuntime(
          {
            sagemaker: new SageMakerInvoker(settings.sageMakerEndpointUrl),
            'v2-remote': new OpenInferenceInvoker(new OutboundHttp(policy), settings.maxResponseBytes),
          },
          settings,
          metrics,
        ),
      inject: [REMOTE_OUTBOUND_POLICY, RemoteCallMetrics],
    },
  ];
}
