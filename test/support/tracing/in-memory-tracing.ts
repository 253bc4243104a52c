import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';

/**
 * The OpenTelemetry SDK as the preload starts it, keeping finished spans in memory: for unit tests
 * of the platform's own spans (Jest applies no loader hooks, so no auto-instrumentation here).
 */
export class InMemoryTracing {
  private readonly exporter: InMemorySpanExporter;
  private readonly provider: TracerProvider;
  private readonly contexts = new AsyncLocalStorageContextManager();

  constructor() {
    this.exporter = new InMemorySpanExporter();
    this.provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: this.exporter })] });
  }

  start(): this {
    context.setGlobalContextManager(this.contexts.enable());
    trace.setGlobalTracerProvider(this.provider);
    return this;
  }

  /** The spans ended so far, in the order they ended. */
  get spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  /** The one ended span named `name`. */
  span(name: string): ReadableSpan {
    const found = this.spans.filter((span) => span.name === name);
    if (found.length !== 1)
      throw new Error(`${found.length} spans named ${name}: ${this.spans.map((span) => span.name).join(', ')}`);
    return found[0];
  }

  reset(): void {
    this.exporter.reset();
  }

  async stop(): Promise<void> {
    await this.provider.shutdown();
    trace.disable();
    context.disable();
  }
}

/** Whether `child` was started as a child of `parent`. */
export function isChildOf(child: ReadableSpan, parent: ReadableSpan): boolean {
  return (
    child.spanContext().traceId === parent.spanContext().traceId &&
    child.parentSpanContext?.spanId === parent.spanContext().spanId
  );
}
