import { AsyncLocalStorage } from 'node:async_hooks';

/** Who and what a unit of work belongs to; flows into logs and event envelopes. */
export interface RequestContextData {
  readonly requestId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  actor?: string;
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
