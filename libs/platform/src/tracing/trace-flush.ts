import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProxyTracerProvider, trace, type TracerProvider } from '@opentelemetry/api';

/** The SDK's provider can flush; the API's no-op one cannot. */
type MaybeFlushing = TracerProvider & { forceFlush?: () => Promise<void> };

/**
 * Sends the spans the SDK still buffers when the app closes: the last jobs' and requests' spans
 * would otherwise be lost with the process. Without the SDK there is nothing to flush.
 */
@Injectable()
export class TraceFlush implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    const global = trace.getTracerProvider();
    const provider: MaybeFlushing = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
    if (typeof provider.forceFlush === 'function') await provider.forceFlush();
  }
}
