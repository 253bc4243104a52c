import { isSpanContextValid, trace, TraceFlags, type Span } from '@opentelemetry/api';
import { Histogram, register, type HistogramConfiguration, type LabelValues } from 'prom-client';

/**
 * The exemplar labels naming `span` (by default the span in scope) if sampled (`trace_id`, `span_id`:
 * 64 characters of OpenMetrics' 128), or none: without tracing, or for an unsampled trace, no backend
 * holds the trace.
 */
export function traceExemplar(span: Span | undefined = trace.getActiveSpan()): LabelValues<string> {
  const spanContext = span?.spanContext();
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return {};
  if ((spanContext.traceFlags & TraceFlags.SAMPLED) === 0) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/**
 * A histogram keeping the last exemplar of each bucket, in the default registry. prom-client refuses
 * exemplars on a metric created into a registry set to the Prometheus format (the default registry
 * is, for the scrapers that do not ask for OpenMetrics), so it is created into none and added after;
 * the Prometheus format leaves the exemplars out. A second app in the same process (tests start
 * several) takes the one already registered, as the library's providers do for their metrics.
 */
export function histogramWithExemplars<T extends string>(configuration: HistogramConfiguration<T>): Histogram<T> {
  const registered = register.getSingleMetric(configuration.name);
  if (registered instanceof Histogram) return registered;
  const histogram = new Histogram<T>({ ...configuration, enableExemplars: true, registers: [] });
  register.registerMetric(histogram);
  return histogram;
}
