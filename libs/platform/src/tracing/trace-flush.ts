import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProxyTracerProvider, trace } from '@opentelemetry/api';

/**
 * Sends the spans the SDK still buffers when the app closes: the last jobs' and requests' spans
 * would otherwise be lost with the process. Without the SDK there is nothing to flush.
 */
@Injectable()
export class TraceFlush implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    const global = trace.getTracerProvider();
    const provider: object = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
    if ('forceFlush' in provider && typeof provider.forceFlush === 'function') await provider.forceFlush();
  }
}
