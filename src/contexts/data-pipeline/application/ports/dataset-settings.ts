/** Port: the configured limits of dataset versions. */
export abstract class DatasetSettings {
  /** The largest version file accepted, in bytes; a larger upload answers 413. */
  abstract readonly maxVersionBytes: number;
}
