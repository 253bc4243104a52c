/**
 * Whether the standard OpenTelemetry variables ask for traces: off by default, on once an OTLP
 * endpoint (or an exporter other than `none`) is named, and always off with `OTEL_SDK_DISABLED=true`.
 * An endpoint that is no http(s) URL stops the process, naming the variable, like the app's own
 * settings. The preload reads it before anything else is loaded, so it imports nothing.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (exporters.includes('none')) return false;
  const endpoints = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'].filter(
    (name) => (env[name]?.trim() ?? '') !== '',
  );
  for (const name of endpoints) {
    if (!/^https?:\/\/[^/]/.test(env[name]!.trim())) throw new Error(`${name} must be an http(s) URL`);
  }
  return exporters.length > 0 || endpoints.length > 0;
}
