/** A context hosted by this process, as the bus needs to know it. */
export interface HostedContext {
  readonly name: string;
  /** Schema holding its outbox and inbox; absent for stateless contexts. */
  readonly schema?: string;
}

export interface MessagingModuleOptions {
  readonly contexts: readonly HostedContext[];
  /** Serve the dead-letter admin routes (APP_ROLE api or all). */
  readonly http: boolean;
  /** Run relays and consumers (APP_ROLE worker or all). */
  readonly workers: boolean;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
