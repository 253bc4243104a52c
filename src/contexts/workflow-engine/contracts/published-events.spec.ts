import { describe, expect, it } from '@jest/globals';
import type { OnModuleInit } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { PublishedEventRegistry, publishedEventsDeclaration } from './published-events.js';

class RecordingRegistry extends PublishedEventRegistry {
  readonly declared = new Map<string, readonly string[]>();
  constructor(private readonly refuse = false) {
    super();
  }
  declare(context: string, types: readonly string[]): void {
    if (this.refuse) throw new Error(`refused ${context}`);
    this.declared.set(context, types);
  }
}

// A ModuleRef reduced to the one lookup the declaration makes; absent means no engine in this process.
const modulesWith = (registry?: PublishedEventRegistry) =>
  ({
    get: () => {
      if (!registry) throw new Error('no provider');
      return registry;
    },
  }) as unknown as ModuleRef;

/** Builds the declaration the provider would, as Nest does with its factory. */
function declarationOver(modules: ModuleRef): OnModuleInit {
  const provider = publishedEventsDeclaration('shop', ['shop.order.placed.v1']);
  if (typeof provider !== 'object' || !('useFactory' in provider)) throw new Error('expected a factory provider');
  const declaration: OnModuleInit = provider.useFactory(modules);
  return declaration;
}

describe('publishedEventsDeclaration', () => {
  it("declares the context's event types to the engine of this process at start-up", async () => {
    const registry = new RecordingRegistry();
    await declarationOver(modulesWith(registry)).onModuleInit();
    expect(registry.declared).toEqual(new Map([['shop', ['shop.order.placed.v1']]]));
  });

  it('does nothing where no engine is hosted, and keeps starting when the engine refuses', async () => {
    await expect(Promise.resolve(declarationOver(modulesWith()).onModuleInit())).resolves.toBeUndefined();
    await expect(
      Promise.resolve(declarationOver(modulesWith(new RecordingRegistry(true))).onModuleInit()),
    ).resolves.toBeUndefined();
  });
});
