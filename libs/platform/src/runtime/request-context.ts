import { AsyncLocalStorage } from 'node:async_hooks';

/** Who and what a unit of work belongs to; flows into logs and event envelopes. */
export interface RequestContextData {
  readonly requestId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  actor?: string;
  /** The project the request addresses, once the access guard has resolved it (rate limits count per project). */
  projectId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, work: () => T): T {
    return storage.run(data, work);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
