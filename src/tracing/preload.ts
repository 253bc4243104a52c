/**
 * The OpenTelemetry SDK, started before the app: `node --import ./dist/src/tracing/preload.js
 * dist/src/main.js` (`npm start`, the container; ADR 0602). It must run first so the loader hook
 * and the instrumentations see pg, ioredis and node:http being loaded, so it imports nothing of
 * the app. Without the OTEL_* variables asking for traces it does nothing else, and the platform's
 * spans are the API's no-ops.
 */
import { register } from 'node:module';
import { tracingRequested } from './tracing-requested.js';

let requested = false;
try {
  requested = tracingRequested(process.env);
} catch (error) {
  process.stderr.write(`Invalid configuration: ${(error as Error).message}\n`);
  process.exit(1);
}
if (requested) {
  // ESM modules are instrumented through import-in-the-middle's hook; CommonJS ones through require.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const { startTracing } = await import('./start-tracing.js');
  startTracing();
}
