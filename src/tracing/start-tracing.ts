import { createRequire } from 'node:module';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { tracePostgresQueries, type PgClientClass } from './postgres-query-spans.js';

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
      // The command's name as its text: the default serializer wrote keys (session ids) and whole
      // argument lists (BullMQ's scripts' arguments) into every span, and ran a list of regexes per command.
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ],
  });
  sdk.start();
  // The platform's own query spans in place of the pg instrumentation (ADR 0602).
  const pg = createRequire(import.meta.url)('pg') as { Client: PgClientClass };
  tracePostgresQueries(pg.Client);
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
