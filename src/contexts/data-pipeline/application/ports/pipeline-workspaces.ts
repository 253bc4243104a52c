import type { VersionBody } from '../upload-dataset-version/upload-dataset-version.command.js';
import type { TableFileFormat } from './query-engine.js';

/**
 * A run's local directory for the files its steps pass on. One per run id, so a step run again
 * after a crash writes the same paths and overwrites what the crash left.
 */
export interface PipelineWorkspace {
  /** The path of a table file of the run, named after the step (and the part of it) that writes it. */
  path(name: string, format: TableFileFormat): string;
  /** Streams an object to a file of the run (never whole in memory); answers its path. */
  download(objectKey: string, name: string): Promise<string>;
  /**
   * Fetches an HTTP(S) URL through the outbound policy (every redirect hop checked, connected to at
   * the checked address) into a file of the run, streaming; a refused URL, an answer other than 2xx
   * or a body over the size limit is refused with a PipelineStepRefused. Answers its path.
   */
  fetch(url: string, name: string): Promise<string>;
  /** A file of the run as a stream, with its size, for the version intake. */
  read(path: string): Promise<{ readonly body: VersionBody; readonly size: number }>;
  remove(): Promise<void>;
}

export abstract class PipelineWorkspaces {
  abstract open(runId: string): Promise<PipelineWorkspace>;
}
