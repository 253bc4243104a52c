import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ObjectStore } from '@libs/storage/ports';
import { BatchOutputChunks } from '../../application/ports/batch-output-chunks.js';

/** A chunk holds at most 100,000 rows; a ceiling no sane row width reaches, which still stops a runaway write. */
const MAX_CHUNK_BYTES = 2 * 1024 ** 3;

/** The chunks as objects `prediction/batch/<job>/chunk-<n>.jsonl` of the platform's store. */
@Injectable()
export class ObjectStoreOutputChunks extends BatchOutputChunks {
  constructor(private readonly store: ObjectStore) {
    super();
  }

  async write(jobId: string, index: number, rows: readonly Record<string, unknown>[]): Promise<void> {
    const lines = rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    await this.store.put(chunkKey(jobId, index), Readable.from([Buffer.from(lines)]), {
      maxBytes: MAX_CHUNK_BYTES,
      contentType: 'application/x-ndjson',
    });
  }

  assembled(jobId: string, count: number): Readable {
    const store = this.store;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let index = 0; index < count; index += 1) {
        const download = await store.get(chunkKey(jobId, index));
        for await (const piece of download.body) yield piece as Buffer;
      }
    }
    return Readable.from(chunks());
  }

  async discard(jobId: string, count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) await this.store.delete(chunkKey(jobId, index));
  }
}

function chunkKey(jobId: string, index: number): string {
  return `prediction/batch/${jobId}/chunk-${index}.jsonl`;
}
