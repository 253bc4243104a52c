import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { queryTextWithoutSelectList } from './query-text.js';

// The attribute the pg instrumentation writes the statement to (stable database conventions).
const ATTR_DB_QUERY_TEXT = 'db.query.text';

/**
 * Starts the SDK as the OTEL_* variables configure it (exporter, endpoint, protocol, sampler,
 * service name, batch delays). Outbound HTTP, database and Redis calls are traced only inside a
 * traced unit of work: BullMQ's and the consumers' polling would otherwise be a stream of one-span traces. The app
 * flushes the spans still buffered when it closes (TraceFlush).
 */
export function startTracing(): void {
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? 'mlops-platform',
    ...signalsBesideTraces(process.env),
    instrumentations: [
      // Outbound calls only: the platform opens the server spans in its Fastify hooks (traceServerRequests).
      new HttpInstrumentation({ disableIncomingRequestInstrumentation: true, requireParentforOutgoingSpans: true }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
      // A pool checkout says nothing the query span after it does not: three of a read's eight spans were these.
      new PgInstrumentation({
        requireParentSpan: true,
        ignoreConnectSpans: true,
        requestHook: (span, { query }) => {
          if (query.text !== undefined) span.setAttribute(ATTR_DB_QUERY_TEXT, queryTextWithoutSelectList(query.text));
        },
      }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
}

/**
 * The SDK also starts OTLP metrics and logs when their exporter variables are unset; the platform's
 * metrics are prom-client's (/metrics) and its logs go to stdout, so those two signals stay off
 * unless OTEL_METRICS_EXPORTER / OTEL_LOGS_EXPORTER name an exporter. Left on, every request and
 * query paid for OTel duration histograms nobody reads, and a metrics export went out every minute.
 */
function signalsBesideTraces(
  env: NodeJS.ProcessEnv,
): Pick<NodeSDKConfiguration, 'metricReaders' | 'logRecordProcessors'> {
  return {
    ...((env.OTEL_METRICS_EXPORTER?.trim() ?? '') === '' && { metricReaders: [] }),
    ...((env.OTEL_LOGS_EXPORTER?.trim() ?? '') === '' && { logRecordProcessors: [] }),
  };
}
