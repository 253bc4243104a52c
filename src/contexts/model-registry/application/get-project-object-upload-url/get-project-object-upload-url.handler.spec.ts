import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { ObjectTooLargeError } from '@libs/storage/ports';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import { GetProjectObjectUploadUrlHandler } from './get-project-object-upload-url.handler.js';

function arrange(signsUrls = true) {
  const settings = new FakeArtifactSettings(1000);
  const urls = new PresignedUrls(new InMemoryObjectStore(signsUrls), settings);
  return new GetProjectObjectUploadUrlHandler(urls, settings);
}

describe('GetProjectObjectUploadUrlHandler', () => {
  it("signs a PUT under the project's prefix and answers the URI a task takes", async () => {
    const upload = await arrange().execute({
      projectId: 'project-1',
      key: 'runs/42/model.onnx',
      contentLength: 5,
      contentType: 'application/octet-stream',
    });
    expect(upload.uri).toBe('objects:///project-objects/project-1/runs/42/model.onnx');
    expect(upload.presigned).toMatchObject({
      method: 'PUT',
      url: 'https://objects.test/project-objects/project-1/runs/42/model.onnx',
      headers: { 'content-length': '5' },
    });
  });

  it('refuses a bad key, a length over the limit, and a store that cannot sign', async () => {
    const query = { projectId: 'project-1', key: 'a/../b', contentLength: 5, contentType: 'text/plain' };
    await expect(arrange().execute(query)).rejects.toBeInstanceOf(ValidationError);
    await expect(arrange().execute({ ...query, key: 'a', contentLength: 1001 })).rejects.toBeInstanceOf(
      ObjectTooLargeError,
    );
    await expect(arrange(false).execute({ ...query, key: 'a' })).rejects.toMatchObject({
      type: 'presigned-url-unavailable',
      kind: 'conflict',
    });
  });
});
