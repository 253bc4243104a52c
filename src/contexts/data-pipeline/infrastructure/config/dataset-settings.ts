import { EnvReader } from '@libs/platform';
import { DatasetSettings } from '../../application/ports/dataset-settings.js';

type Env = Record<string, string | undefined>;

const GIB = 1024 ** 3;

/** DATASET_VERSION_MAX_BYTES, checked at boot: the largest version file an upload or registration may bring. */
export class ConfiguredDatasetSettings extends DatasetSettings {
  private constructor(readonly maxVersionBytes: number) {
    super();
  }

  static fromEnv(env: Env): ConfiguredDatasetSettings {
    return new ConfiguredDatasetSettings(new EnvReader(env).integer('DATASET_VERSION_MAX_BYTES', 5 * GIB, 1));
  }
}
