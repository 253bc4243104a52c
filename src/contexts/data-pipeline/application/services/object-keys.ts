import type { VersionFormat } from '../../domain/dataset/dataset-version.js';

const EXTENSIONS: Readonly<Record<VersionFormat, string>> = { csv: 'csv', jsonl: 'jsonl', parquet: 'parquet' };

/**
 * The part of the object store a project's data lives under. Objects registered as versions must
 * lie in it, so a project can only ever turn its own objects into datasets.
 */
export function projectDataPrefix(projectId: string): string {
  return `data-pipeline/${projectId}/`;
}

/** Each version has a key of its own, so versions never share or overwrite bytes. */
export function versionObjectKey(
  projectId: string,
  datasetId: string,
  versionId: string,
  format: VersionFormat,
): string {
  return `${projectDataPrefix(projectId)}datasets/${datasetId}/${versionId}.${EXTENSIONS[format]}`;
}
