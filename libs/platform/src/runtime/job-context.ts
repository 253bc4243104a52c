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

/** The context in scope, to put in a job's data; undefined outside any unit of work. */
export function carriedContext(): CarriedContext | undefined {
  const current = RequestContext.current();
  if (current === undefined) return undefined;
  const { correlationId, traceparent } = current;
  return traceparent === undefined ? { correlationId } : { correlationId, traceparent };
}

/** Runs a job's work in the context its data carried, as a new span of its trace, the job itself being the cause. */
export function runInJobContext<T>(
  jobId: string,
  carried: CarriedContext | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const requestId = `job:${jobId}`;
  return RequestContext.run(
    {
      requestId,
      correlationId: carried?.correlationId ?? requestId,
      causationId: requestId,
      traceparent:
        carried?.traceparent === undefined ? traceparentOf(undefined) : childTraceparent(carried.traceparent),
    },
    work,
  );
}
