import { MoveAliasHandler } from '../../../src/contexts/model-registry/application/move-alias/move-alias.handler.js';
import type { ModelAliasRepository } from '../../../src/contexts/model-registry/domain/alias/model-alias.repository.js';
import type { ModelRegistryFakes } from './fake-ports.js';

/** The alias mover over the fakes; the alias-moving specs and the task handler's use it alike. */
export function moveAliasHandler(ports: ModelRegistryFakes, aliases: ModelAliasRepository = ports.aliases) {
  return new MoveAliasHandler(ports.transaction, ports.models, ports.versions, aliases, ports.cards, ports.events);
}
