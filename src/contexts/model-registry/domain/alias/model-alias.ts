import { AggregateRoot } from '@libs/ddd';
import { checkedAliasName } from '../names.js';

export interface ModelAliasState {
  readonly modelId: string;
  readonly alias: string;
  readonly versionId: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/**
 * A movable name (champion, challenger, ...) for one version of a model. Its own aggregate, so
 * moves of different aliases never contend, and its version is what If-Match names.
 */
export class ModelAlias extends AggregateRoot {
  private constructor(
    private state: ModelAliasState,
    version: number,
  ) {
    super(`${state.modelId}/${state.alias}`, version);
  }

  static create(modelId: string, alias: string): ModelAlias {
    return new ModelAlias(
      { modelId, alias: checkedAliasName(alias), versionId: '', updatedBy: '', updatedAt: new Date(0) },
      0,
    );
  }

  static restore(state: ModelAliasState, version: number): ModelAlias {
    return new ModelAlias(state, version);
  }

  get snapshot(): ModelAliasState {
    return this.state;
  }
  get versionId(): string {
    return this.state.versionId;
  }

  /** The version this alias named before the move; undefined for a new alias. */
  moveTo(versionId: string, actorId: string, at: Date): string | undefined {
    const previous = this.version === 0 ? undefined : this.state.versionId;
    this.state = { ...this.state, versionId, updatedBy: actorId, updatedAt: at };
    return previous;
  }
}
