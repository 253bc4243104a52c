import { register, Registry, type RegistryContentType } from 'prom-client';

export interface Exposition {
  readonly contentType: string;
  readonly body: string;
}

const OPENMETRICS = 'application/openmetrics-text';
// Typed as Prometheus-only, the default registry can be switched to either format.
const registry = register as unknown as Registry<RegistryContentType>;

/**
 * The /metrics body in the format the scraper asks for: OpenMetrics when its Accept names it (the
 * format that carries exemplars, linking a latency bucket to a trace), else Prometheus text 0.0.4.
 *
 * prom-client renders a registry in the one format the registry is set to, and rendering OpenMetrics
 * strips `_total` from its counters' names in place (that format adds the suffix back on each sample
 * line). So the default registry is switched for the render and the names are put back after, and
 * renders take turns: a Prometheus scrape never sees the switched registry or a stripped name.
 */
export class MetricsExposition {
  private turn: Promise<unknown> = Promise.resolve();

  render(accept: string | undefined): Promise<Exposition> {
    const openMetrics = accept?.includes(OPENMETRICS) === true;
    const rendering = this.turn.then(() => (openMetrics ? this.openMetrics() : this.prometheus()));
    this.turn = rendering.catch(() => undefined);
    return rendering;
  }

  private async prometheus(): Promise<Exposition> {
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  private async openMetrics(): Promise<Exposition> {
    const metrics = registry.getMetricsAsArray();
    const names = metrics.map((metric) => metric.name);
    registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    try {
      return { contentType: Registry.OPENMETRICS_CONTENT_TYPE, body: await registry.metrics() };
    } finally {
      registry.setContentType(Registry.PROMETHEUS_CONTENT_TYPE);
      metrics.forEach((metric, index) => (metric.name = names[index]));
    }
  }
}

/** The one exposition of the process's default registry. */
export const metricsExposition = new MetricsExposition();
