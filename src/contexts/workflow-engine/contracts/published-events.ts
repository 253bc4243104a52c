import { Logger, type OnModuleInit, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * The door through which a context tells the workflow engine of its process which integration event
 * types it publishes (its list beside its event map in contracts/events.ts). Triggers on a type of a
 * declared context that is not on its list are refused when a workflow is saved (docs/adr/0206).
 */
export abstract class PublishedEventRegistry {
  /** Throws when a type does not belong to `context` (`<context>.<aggregate>.<past-tense>.v<N>`). */
  abstract declare(context: string, types: readonly string[]): void;
}

/**
 * A provider for a publishing context's module: at start-up it declares `types` to the engine of
 * this process, and does nothing in a process that does not host the engine. A refusal is logged,
 * not thrown, so the context still starts (as task type registration does).
 */
export function publishedEventsDeclaration(context: string, types: readonly string[]): Provider {
  return {
    provide: `${context}.published-events-declaration`,
    useFactory: (modules: ModuleRef) => new PublishedEventsDeclaration(modules, context, types),
    inject: [ModuleRef],
  };
}

class PublishedEventsDeclaration implements OnModuleInit {
  private readonly logger = new Logger(PublishedEventsDeclaration.name);

  constructor(
    private readonly modules: ModuleRef,
    private readonly context: string,
    private readonly types: readonly string[],
  ) {}

  onModuleInit(): void {
    const registry = this.registry();
    try {
      registry?.declare(this.context, this.types);
    } catch (error) {
      this.logger.error(`the workflow engine refused the event types of ${this.context}: ${(error as Error).message}`);
    }
  }

  private registry(): PublishedEventRegistry | undefined {
    try {
      return this.modules.get(PublishedEventRegistry, { strict: false });
    } catch {
      return undefined;
    }
  }
}
