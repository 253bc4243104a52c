/**
 * Whether the standard OpenTelemetry variables ask for traces: off by default, on once an OTLP
 * endpoint (or an exporter other than `none`) is named, and always off with `OTEL_SDK_DISABLED=true`.
 * The preload reads it before anything else is loaded, so it imports nothing.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (exporters.includes('none')) return false;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return exporters.length > 0 || (endpoint !== undefined && endpoint.trim() !== '');
}
