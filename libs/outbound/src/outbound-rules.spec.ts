import { describe, expect, it } from '@jest/globals';
import { readOutboundRules } from './outbound-rules.js';

describe('readOutboundRules', () => {
  it('defaults to http and https with public addresses only', () => {
    expect(readOutboundRules({})).toEqual({
      allowedSchemes: ['https', 'http'],
      allowPrivateNetworks: false,
      allowedPrivateHosts: [],
    });
  });

  it('still reads the http task settings that came first, the new names winning', () => {
    const rules = readOutboundRules({
      WORKFLOW_HTTP_ALLOWED_SCHEMES: 'https',
      WORKFLOW_HTTP_ALLOW_PRIVATE_NETWORKS: 'true',
      WORKFLOW_HTTP_ALLOWED_PRIVATE_HOSTS: 'old.internal',
      OUTBOUND_ALLOWED_PRIVATE_HOSTS: 'models.internal:8080, 10.0.0.7',
    });
    expect(rules).toEqual({
      allowedSchemes: ['https'],
      allowPrivateNetworks: true,
      allowedPrivateHosts: ['models.internal:8080', '10.0.0.7'],
    });
  });

  it('stops with the variable named when an allow-list entry is not a host or host:port', () => {
    expect(() => readOutboundRules({ OUTBOUND_ALLOWED_PRIVATE_HOSTS: 'http://models.internal/' })).toThrow(
      /OUTBOUND_ALLOWED_PRIVATE_HOSTS/,
    );
    expect(() => readOutboundRules({ WORKFLOW_HTTP_ALLOWED_PRIVATE_HOSTS: 'a b' })).toThrow(
      /WORKFLOW_HTTP_ALLOWED_PRIVATE_HOSTS/,
    );
  });
});
