import ipaddr from 'ipaddr.js';
import { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

/** Typed reads of environment variables; each failure names its variable. */
export class EnvReader {
  constructor(private readonly env: Env) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    throw new ConfigError(name, 'is required but not set');
  }

  url(name: string, protocols: readonly string[], fallback?: string): string {
    const value = this.string(name, fallback);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(name, 'is not a valid URL');
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(name, `must use one of ${protocols.join(', ')}`);
    }
    return value;
  }

  integer(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw new ConfigError(name, `must be true or false, got "${raw}"`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  }

  list(name: string, fallback: readonly string[]): string[] {
    const raw = this.env[name]?.trim();
    if (!raw) return [...fallback];
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  /** A comma list of IP addresses and CIDR ranges (IPv4 or IPv6); empty by default. */
  addresses(name: string): string[] {
    const entries = this.list(name, []);
    const invalid = entries.filter((entry) => !ipaddr.isValid(entry) && !ipaddr.isValidCIDR(entry));
    if (invalid.length > 0) {
      throw new ConfigError(name, `must list IP addresses or CIDR ranges, got "${invalid.join('", "')}"`);
    }
    return entries;
  }
}
