import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@libs/platform';
import { ConfiguredDatasetSettings } from './dataset-settings.js';

describe('ConfiguredDatasetSettings', () => {
  it('reads the version size limit, 5 GiB when unset', () => {
    expect(ConfiguredDatasetSettings.fromEnv({ DATASET_VERSION_MAX_BYTES: '4096' }).maxVersionBytes).toBe(4096);
    expect(ConfiguredDatasetSettings.fromEnv({}).maxVersionBytes).toBe(5 * 1024 ** 3);
  });

  it('refuses a limit that is not a positive integer, naming the variable', () => {
    expect(() => ConfiguredDatasetSettings.fromEnv({ DATASET_VERSION_MAX_BYTES: '0' })).toThrow(ConfigError);
    expect(() => ConfiguredDatasetSettings.fromEnv({ DATASET_VERSION_MAX_BYTES: 'lots' })).toThrow(
      /DATASET_VERSION_MAX_BYTES/,
    );
  });
});
