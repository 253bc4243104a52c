import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import { GetProjectObjectDownloadUrlHandler } from './get-project-object-download-url.handler.js';

async function arrange(signsUrls = true) {
  const store = new InMemoryObjectStore(signsUrls);
  await store.put('project-objects/project-1/data.csv', Readable.from([Buffer.from('a,b')]), { maxBytes: 100 });
  return new GetProjectObjectDownloadUrlHandler(store, new PresignedUrls(store, new FakeArtifactSettings()));
}

describe('GetProjectObjectDownloadUrlHandler', () => {
  it("signs a download of the project's own object only", async () => {
    const handler = await arrange();
    const presigned = await handler.execute({ projectId: 'project-1', key: 'data.csv' });
    expect(presigned).toMatchObject({ method: 'GET', url: 'https://objects.test/project-objects/project-1/data.csv' });
    await expect(handler.execute({ projectId: 'project-2', key: 'data.csv' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.execute({ projectId: 'project-1', key: 'other.csv' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('says presigned URLs need the S3 driver when the store cannot sign', async () => {
    const handler = await arrange(false);
    await expect(handler.execute({ projectId: 'project-1', key: 'data.csv' })).rejects.toThrow(/S3 storage driver/);
  });
});
