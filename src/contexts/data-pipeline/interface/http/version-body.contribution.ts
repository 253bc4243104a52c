import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OpenApiContributions } from '@libs/platform';
import { FILE_BYTES, UPLOAD_MEDIA_TYPES } from './dataset-file-bodies.js';

const VERSIONS_PATH = '/api/v1/datasets/{datasetId}/versions';

/**
 * The versions route takes a file or JSON. Decorators give one schema to every media type, so
 * they declare the JSON one, and this gives the file types their own: the bytes of the file.
 */
@Injectable()
export class VersionBodyContribution implements OnModuleInit {
  constructor(private readonly contributions: OpenApiContributions) {}

  onModuleInit(): void {
    this.contributions.add((document) => {
      const content = document.paths[VERSIONS_PATH]?.post?.requestBody;
      if (!content || !('content' in content)) return;
      for (const mediaType of UPLOAD_MEDIA_TYPES) content.content[mediaType] = { schema: { ...FILE_BYTES } };
    });
  }
}
