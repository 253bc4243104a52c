import { MoveAliasHandler } from '../../../src/contexts/model-registry/application/move-alias/move-alias.handler.js';
import { AliasMover } from '../../../src/contexts/model-registry/application/services/alias-mover.js';
import type { ModelAliasRepository } from '../../../src/contexts/model-registry/domain/alias/model-alias.repository.js';
import type { ModelRegistryFakes } from './fake-ports.js';

/** The alias gate over the fakes; the alias-moving specs and the task handler's use it alike. */
export function aliasMover(ports: ModelRegistryFakes, aliases: ModelAliasRepository = ports.aliases): AliasMover {
  return new AliasMover(
    ports.transaction,
    ports.models,
    ports.versions,
    aliases,
    ports.cards,
    ports.events,
    ports.runs,
  );
}

export function moveAliasHandler(ports: ModelRegistryFakes, aliases: ModelAliasRepository = ports.aliases) {
  return new MoveAliasHandler(aliasMover(ports, aliases));
}
