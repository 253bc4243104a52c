import type { LogSource } from '@libs/platform/ports';

/** Port: the log sources of the contexts this process hosts (docs/adr/0605). */
export abstract class LogSources {
  abstract hosted(): readonly LogSource[];
}
