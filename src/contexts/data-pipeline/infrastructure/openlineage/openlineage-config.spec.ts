import { describe, expect, it } from '@jest/globals';
import { OutboundPolicy } from '@libs/outbound';
import { ConfigError } from '@libs/platform';
import { OpenLineageConfig } from './openlineage-config.js';

const strict = new OutboundPolicy({
  allowedSchemes: ['https', 'http'],
  allowPrivateNetworks: false,
  allowedPrivateHosts: [],
});

describe('OpenLineageConfig', () => {
  it('is off without a URL', () => {
    expect(OpenLineageConfig.fromEnv({}, strict)).toMatchObject({ enabled: false, maxAttempts: 10, retryBaseMs: 1000 });
  });

  it('reads the endpoint, its key and the retry settings', () => {
    const config = OpenLineageConfig.fromEnv(
      {
        OPENLINEAGE_URL: 'https://lineage.example.com/api/v1/lineage',
        OPENLINEAGE_API_KEY: 'key-1',
        OPENLINEAGE_MAX_ATTEMPTS: '4',
        OPENLINEAGE_RETRY_BASE_MS: '250',
        OPENLINEAGE_TIMEOUT_MS: '2000',
      },
      strict,
    );

    expect(config).toMatchObject({ enabled: true, apiKey: 'key-1', maxAttempts: 4, retryBaseMs: 250, leaseMs: 32_000 });
    expect(config.url?.href).toBe('https://lineage.example.com/api/v1/lineage');
  });

  it('refuses a URL the outbound policy refuses, or that is no http URL, naming the variable', () => {
    expect(() =>
      OpenLineageConfig.fromEnv({ OPENLINEAGE_URL: 'http://127.0.0.1:5000/api/v1/lineage' }, strict),
    ).toThrow(/OPENLINEAGE_URL is refused by the outbound policy/);
    expect(() => OpenLineageConfig.fromEnv({ OPENLINEAGE_URL: 'ftp://lineage.example.com' }, strict)).toThrow(
      ConfigError,
    );
    expect(() =>
      OpenLineageConfig.fromEnv({ OPENLINEAGE_URL: 'https://x.example.com', OPENLINEAGE_MAX_ATTEMPTS: '0' }, strict),
    ).toThrow(/OPENLINEAGE_MAX_ATTEMPTS/);
  });
});
