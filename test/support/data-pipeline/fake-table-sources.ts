import {
  TableSources,
  type SnapshotFile,
  type SnapshotRequest,
} from '../../../src/contexts/data-pipeline/application/ports/table-sources.js';
import { bytesOf } from './dataset-objects.js';

/**
 * Table sources that answer every query with the rows of `tables[source]`, written as the simple
 * CSV the scripted engine reads (it reads the bytes the same whatever their format says).
 * `requests` records what was asked, so a spec can show a refused query never reached a source.
 */
export class FakeTableSources extends TableSources {
  readonly requests: SnapshotRequest[] = [];

  constructor(private readonly tables: Readonly<Record<string, string>>) {
    super();
  }

  names(): readonly string[] {
    return Object.keys(this.tables).sort();
  }

  async withSnapshot<T>(request: SnapshotRequest, work: (file: SnapshotFile) => Promise<T>): Promise<T> {
    this.requests.push(request);
    const text = this.tables[request.source];
    return work({
      path: `/table-sources/${request.source}.parquet`,
      sizeBytes: Buffer.byteLength(text),
      read: () => bytesOf(text),
    });
  }
}
