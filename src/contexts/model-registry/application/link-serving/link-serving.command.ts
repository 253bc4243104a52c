import type { SageMakerServing } from '../../domain/version/model-version-status.js';

export interface LinkServingCommand {
  readonly versionId: string;
  /** The endpoint variant serving the version; undefined forgets the link. */
  readonly serving: SageMakerServing | undefined;
}
