import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { OutboundPolicy } from '@libs/outbound';
import { ObjectStore } from '@libs/storage/ports';
import { PipelineWorkspaces, type PipelineWorkspace } from '../../application/ports/pipeline-workspaces.js';
import type { TableFileFormat } from '../../application/ports/query-engine.js';
import { fetchToFile } from '../outbound/fetch-to-file.js';

/**
 * A directory per run under the engine's temp directory, named after the run: a worker that takes
 * the run again after a crash writes the same paths. Step names are safe in a path (the domain
 * allows letters, digits, `_` and `-`); objects stream from the store to disk.
 */
export class TemporaryPipelineWorkspaces extends PipelineWorkspaces {
  constructor(
    private readonly store: ObjectStore,
    private readonly tempDirectory: string,
    private readonly policy: OutboundPolicy,
    /** The largest download accepted: the largest version a load could make of it. */
    private readonly maxBytes: number,
  ) {
    super();
  }

  async open(runId: string): Promise<PipelineWorkspace> {
    const directory = join(this.tempDirectory, 'pipeline-runs', runId);
    await mkdir(directory, { recursive: true });
    const { store, policy, maxBytes } = this;
    return {
      path: (name: string, format: TableFileFormat) => join(directory, `${name}.${format}`),
      async download(objectKey: string, name: string): Promise<string> {
        const path = join(directory, `${name}.download`);
        const download = await store.get(objectKey);
        await pipeline(download.body, createWriteStream(path));
        return path;
      },
      async fetch(url: string, name: string): Promise<string> {
        const path = join(directory, `${name}.download`);
        await fetchToFile(policy, url, path, maxBytes);
        return path;
      },
      async read(path: string) {
        return { body: createReadStream(path), size: (await stat(path)).size };
      },
      remove: () => rm(directory, { recursive: true, force: true }),
    };
  }
}
