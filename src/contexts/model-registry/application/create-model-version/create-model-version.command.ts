import type { NewModelVersion } from '../../domain/version/model-version.js';

export type CreateModelVersionCommand = Omit<NewModelVersion, 'projectId' | 'number' | 'registeredBy'> & {
  readonly actorId: string;
};
