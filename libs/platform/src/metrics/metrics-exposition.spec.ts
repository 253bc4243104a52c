import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Counter } from 'prom-client';
import { InMemoryTracing } from '../../../../test/support/tracing/in-memory-tracing.js';
import { inSpan } from '../tracing/spans.js';
import { MetricsExposition } from './metrics-exposition.js';
import { histogramWithExemplars, traceExemplar } from './trace-exemplars.js';

const OPENMETRICS_ACCEPT = 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5';

describe('the metrics exposition with trace exemplars', () => {
  const tracing = new InMemoryTracing();
  const exposition = new MetricsExposition();
  const latency = histogramWithExemplars({
    name: 'demo_duration_seconds',
    help: 'demo',
    labelNames: ['route'],
    buckets: [0.1, 1],
  });
  const requests = new Counter({ name: 'demo_requests_total', help: 'demo' });
  beforeAll(() => void tracing.start());
  afterAll(() => tracing.stop());

  it('gives a second app in the process the histogram the first registered', () => {
    const again = histogramWithExemplars({ name: 'demo_duration_seconds', help: 'demo', labelNames: ['route'] });
    expect(again).toBe(latency);
  });

  it('has no exemplar outside a sampled span', () => {
    expect(traceExemplar()).toEqual({});
  });

  it('offers OpenMetrics with the trace of an observation when asked, and Prometheus text otherwise', async () => {
    const traceId = await inSpan('GET /demo', {}, (span) => {
      latency.observe({ labels: { route: '/demo' }, value: 0.5, exemplarLabels: traceExemplar() });
      requests.inc();
      return Promise.resolve(span?.spanContext().traceId);
    });

    const open = await exposition.render(OPENMETRICS_ACCEPT);
    expect(open.contentType).toMatch(/^application\/openmetrics-text; version=1\.0\.0/);
    expect(open.body).toMatch(
      new RegExp(
        `^demo_duration_seconds_bucket\\{le="1",route="/demo"\\} 1 # \\{trace_id="${traceId}",span_id="[0-9a-f]{16}"\\} 0\\.5 `,
        'm',
      ),
    );
    expect(open.body).toMatch(/^demo_requests_total 1$/m);
    expect(open.body.endsWith('# EOF\n')).toBe(true);

    // The OpenMetrics render leaves the registry as the Prometheus scrapers know it: counters keep `_total`.
    const [text] = await Promise.all([exposition.render('text/plain'), exposition.render(OPENMETRICS_ACCEPT)]);
    expect(text.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text.body).toMatch(/^# TYPE demo_requests_total counter$/m);
    expect(text.body).toMatch(/^demo_duration_seconds_bucket\{le="1",route="\/demo"\} 1$/m);
    expect(text.body).not.toContain('trace_id');
  });
});
