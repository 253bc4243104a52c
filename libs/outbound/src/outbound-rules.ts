import { ConfigError, EnvReader } from '@libs/platform';
import { parseHostEntry } from './host-entry.js';

type Env = Record<string, string | undefined>;

/** What outbound requests to user-given URLs may reach: one set of rules for every context. */
export interface OutboundRules {
  readonly allowedSchemes: readonly string[];
  /** Every address may be reached, private and loopback included (a lab, or tests). */
  readonly allowPrivateNetworks: boolean;
  /** `host` or `host:port` entries that may be reached at any address although others may not. */
  readonly allowedPrivateHosts: readonly string[];
}

/**
 * OUTBOUND_* settings. The http task's WORKFLOW_HTTP_* names came first and still count when the
 * new name is unset, so existing deployments keep their allow-lists (docs/adr/0010).
 */
export function readOutboundRules(env: Env): OutboundRules {
  const read = new EnvReader(env);
  const named = (name: string, legacy: string): string => (env[name]?.trim() ? name : legacy);
  const hostsVariable = named('OUTBOUND_ALLOWED_PRIVATE_HOSTS', 'WORKFLOW_HTTP_ALLOWED_PRIVATE_HOSTS');
  const allowedPrivateHosts = read.list(hostsVariable, []);
  const malformed = allowedPrivateHosts.find((entry) => parseHostEntry(entry) === undefined);
  if (malformed !== undefined) {
    throw new ConfigError(hostsVariable, `holds "${malformed}", which is not a host or host:port`);
  }
  return {
    allowedSchemes: read.list(named('OUTBOUND_ALLOWED_SCHEMES', 'WORKFLOW_HTTP_ALLOWED_SCHEMES'), ['https', 'http']),
    allowPrivateNetworks: read.boolean(
      named('OUTBOUND_ALLOW_PRIVATE_NETWORKS', 'WORKFLOW_HTTP_ALLOW_PRIVATE_NETWORKS'),
      false,
    ),
    allowedPrivateHosts,
  };
}
