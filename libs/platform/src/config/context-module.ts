import type { DynamicModule } from '@nestjs/common';
import type { MigrationList } from '../database/data-source-options.js';

/** What the composition root tells a context module about the process it joins. */
export interface ContextModuleOptions {
  /** Register HTTP controllers (APP_ROLE api or all). */
  readonly http: boolean;
  /** Run event consumers and queue processors (APP_ROLE worker or all). */
  readonly workers: boolean;
  /** Every context this process hosts (APP_CONTEXTS): work that needs another context in process runs only beside it. */
  readonly hosted: readonly string[];
}

/** A bounded context as the composition root sees it. */
export interface BoundedContext {
  readonly name: string;
  /** What it owns, in a line: its tag's description in the OpenAPI document. */
  readonly description?: string;
  /** Its PostgreSQL schema; absent for contexts that keep no state. */
  readonly schema?: string;
  readonly module: (options: ContextModuleOptions) => DynamicModule;
  /**
   * Its facades for a process that does not host it, reading its schema through its own code
   * (docs/adr/0702). Absent: a facade of it is unbound elsewhere, unless bound over HTTP (below).
   */
  readonly facades?: () => DynamicModule;
  /**
   * Its facades for a process that does not host it, bound to HTTP clients calling an instance that
   * does (docs/adr/0704): composed only where the installation set SERVICE_CALL_SECRET, its mark
   * of a split deployment. Without it the facades stay unbound and their callers' fallbacks answer.
   */
  readonly httpFacades?: () => DynamicModule;
  /**
   * It stores secrets sealed under SECRETS_ENCRYPTION_KEYS (docs/adr/0015): a production process
   * hosting it will not start without them. Processes hosting none of these need no key.
   */
  readonly sealsSecrets?: boolean;
  readonly migrations: MigrationList;
}
