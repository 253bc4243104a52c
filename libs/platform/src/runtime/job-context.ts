import { inSpan, producerTraceparent, SpanKind, traceparentOfSpan } from '../tracing/spans.js';
import { RequestContext } from './request-context.js';
import { childTraceparent, traceparentOf } from './trace-context.js';

/**
 * What a queued job carries of the unit of work that enqueued it, so the job's logs, events and the
 * jobs it enqueues in turn stay in one trace (W3C trace context) and one correlation.
 */
export interface CarriedContext {
  readonly correlationId: string;
  readonly traceparent?: string;
}

/** The job as its processor sees it: BullMQ's `Job` fits. */
export interface JobIdentity {
  readonly id?: string;
  readonly name: string;
  readonly queueName: string;
}

/**
 * The context in scope, to put in the data of the job `name` about to be added to `queueName`;
 * undefined outside any unit of work. With tracing on, the adding is a producer span the job's
 * processing becomes a child of.
 */
export function carriedContext(queueName: string, name: string): CarriedContext | undefined {
  const current = RequestContext.current();
  if (current === undefined) return undefined;
  const traceparent = producerTraceparent(`send ${queueName}`, jobAttributes(queueName, name));
  const { correlationId } = current;
  return traceparent === undefined ? { correlationId } : { correlationId, traceparent };
}

/**
 * Runs a job's work in the context its data carried, as a new span of its trace (a consumer span
 * when tracing is on), the job itself being the cause.
 */
export function runInJobContext<T>(
  job: JobIdentity,
  carried: CarriedContext | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const requestId = `job:${job.id ?? job.name}`;
  const options = {
    kind: SpanKind.CONSUMER,
    parent: carried?.traceparent ?? null,
    attributes: jobAttributes(job.queueName, job.name, job.id),
  };
  return inSpan(`process ${job.queueName}`, options, (span) =>
    RequestContext.run(
      {
        requestId,
        correlationId: carried?.correlationId ?? requestId,
        causationId: requestId,
        traceparent:
          (span && traceparentOfSpan(span)) ??
          (carried?.traceparent === undefined ? traceparentOf(undefined) : childTraceparent(carried.traceparent)),
      },
      work,
    ),
  );
}

// OpenTelemetry's messaging semantic conventions, BullMQ being the system.
function jobAttributes(queueName: string, name: string, id?: string) {
  return {
    'messaging.system': 'bullmq',
    'messaging.destination.name': queueName,
    'messaging.operation.name': name,
    ...(id === undefined ? {} : { 'messaging.message.id': id }),
  };
}
