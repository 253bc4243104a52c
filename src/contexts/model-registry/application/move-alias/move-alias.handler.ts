import { Injectable } from '@nestjs/common';
import type { ModelAlias } from '../../domain/alias/model-alias.js';
import { AliasMover } from '../services/alias-mover.js';
import type { MoveAliasCommand } from './move-alias.command.js';

/** Points an alias at a version, after its protection and the model's promotion policy allow it. */
@Injectable()
export class MoveAliasHandler {
  constructor(private readonly mover: AliasMover) {}

  execute(command: MoveAliasCommand): Promise<ModelAlias> {
    return this.mover.move(command);
  }
}
