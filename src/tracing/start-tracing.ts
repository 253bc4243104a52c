import type { IncomingMessage } from 'node:http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';

// Probes and scrapes come every few seconds and say nothing about the work: no traces for them.
const UNTRACED_PATHS = ['/health/', '/metrics'];

/**
 * Starts the SDK as the OTEL_* variables configure it (exporter, endpoint, protocol, sampler,
 * service name, batch delays). Outbound HTTP, database and Redis calls are traced only inside a
 * traced unit of work: BullMQ's and the consumers' polling would otherwise be a stream of one-span traces. The app
 * flushes the spans still buffered when it closes (TraceFlush).
 */
export function startTracing(): void {
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? 'mlops-platform',
    instrumentations: [
      new HttpInstrumentation({
        requireParentforOutgoingSpans: true,
        ignoreIncomingRequestHook: (request: IncomingMessage) =>
          UNTRACED_PATHS.some((path) => request.url?.startsWith(path) === true),
      }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
      // A pool checkout says nothing the query span after it does not: three of a read's eight spans were these.
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
}
