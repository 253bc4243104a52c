import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { ObjectNotFoundError, ObjectStore, type ObjectDownload } from '@libs/storage/ports';
import { projectObjectKey } from '../../domain/objects/project-object-key.js';
import type { GetProjectObjectQuery } from './get-project-object.query.js';

/** Streams one of the project's objects; the caller must consume or destroy the body. */
@Injectable()
export class GetProjectObjectHandler {
  constructor(private readonly store: ObjectStore) {}

  async execute(query: GetProjectObjectQuery): Promise<ObjectDownload> {
    try {
      return await this.store.get(projectObjectKey(query.projectId, query.key));
    } catch (error) {
      // Named by the caller's key: where the store keeps it is none of the caller's business.
      if (error instanceof ObjectNotFoundError) throw new NotFoundError('Object', query.key);
      throw error;
    }
  }
}
