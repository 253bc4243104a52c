import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { ACTOR, aDataset, bytesOf } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { DownloadDatasetVersionHandler } from './download-dataset-version.handler.js';

describe('DownloadDatasetVersionHandler', () => {
  it("streams the version's stored bytes, and answers not found for an unknown version", async () => {
    const ports = fakeDataPipelinePorts();
    const dataset = aDataset();
    await ports.datasets.add(dataset);
    const text = 'id,name,score\n7,grace,9.5\n';
    const version = await ports.intake.intake(dataset, {
      body: bytesOf(text),
      format: 'csv',
      producer: { kind: 'upload', actorId: ACTOR },
    });
    const handler = new DownloadDatasetVersionHandler(ports.versions, ports.store);

    const { version: described, content } = await handler.execute({ versionId: version.id });
    const chunks: Buffer[] = [];
    for await (const chunk of content.body) chunks.push(Buffer.from(chunk as Uint8Array));

    expect(described).toEqual(version);
    expect(Buffer.concat(chunks).toString()).toBe(text);
    expect(content.contentLength).toBe(Buffer.byteLength(text));
    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
