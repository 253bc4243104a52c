import { Module, type OnModuleInit } from '@nestjs/common';
import { getToken, makeHistogramProvider, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';
import { HTTP_DURATION_METRIC, HttpMetrics } from './http-metrics.js';
import { JOB_DURATION_METRIC, JOB_WAIT_METRIC, JobMetrics } from './job-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { OUTBOUND_BREAKER_METRIC_PROVIDERS, OutboundBreakerMetrics } from './outbound-breaker-metrics.js';
import { histogramWithExemplars } from './trace-exemplars.js';

/**
 * prom-client's default metrics include three gauges named like counters, which `promtool check
 * metrics` refuses (and `rate()` on them would mislead). Their per-type gauges stay
 * (`nodejs_active_handles{type}`, `nodejs_active_requests{type}`, `nodejs_active_resources{type}`):
 * the dropped totals are their sums.
 */
const MISNAMED_DEFAULT_GAUGES = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

@Module({
  imports: [
    PrometheusModule.register({
      path: '/metrics',
      controller: MetricsController,
      defaultMetrics: { enabled: true },
    }),
  ],
  providers: [
    HttpMetrics,
    {
      provide: getToken(HTTP_DURATION_METRIC),
      // Exemplars link a slow bucket to the trace of a request that landed in it (ADR 0602).
      useFactory: () =>
        histogramWithExemplars({
          name: HTTP_DURATION_METRIC,
          help: 'Duration of HTTP requests by method, route template and status',
          labelNames: ['method', 'route', 'status'],
          buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        }),
    },
    JobMetrics,
    OutboundBreakerMetrics,
    ...OUTBOUND_BREAKER_METRIC_PROVIDERS,
    makeHistogramProvider({
      name: JOB_DURATION_METRIC,
      help: 'Time BullMQ jobs ran, by queue and outcome',
      labelNames: ['queue', 'outcome'],
      buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 1, 5, 15, 60, 300, 1800, 7200],
    }),
    makeHistogramProvider({
      name: JOB_WAIT_METRIC,
      help: 'Time BullMQ jobs waited for a worker once due, by queue',
      labelNames: ['queue'],
      buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
    }),
  ],
  exports: [PrometheusModule, JobMetrics, OutboundBreakerMetrics],
})
export class MetricsModule implements OnModuleInit {
  onModuleInit(): void {
    for (const name of MISNAMED_DEFAULT_GAUGES) register.removeSingleMetric(name);
  }
}
