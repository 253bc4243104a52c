import { fileURLToPath } from 'node:url';
import { AppProcess } from '@libs/testing';
import type { DataSource } from 'typeorm';

// Built by `npm run build` (pretest): child processes run plain Node, as in production.
const PROBE_APP = fileURLToPath(new URL('../../../dist/test/support/probe-app/main.js', import.meta.url));

const FAST_BUS = { EVENTS_RETRY_IDLE_MS: '200', EVENTS_CONSUMER_BLOCK_MS: '200', MIGRATIONS_RUN_ON_START: 'true' };

export function startProducer(
  env: Record<string, string> = {},
  options?: { waitUntilReady?: boolean },
): Promise<AppProcess> {
  return AppProcess.start(PROBE_APP, { ...FAST_BUS, APP_CONTEXTS: 'probe-producer', ...env }, options);
}

export function startConsumer(env: Record<string, string> = {}): Promise<AppProcess> {
  return AppProcess.start(PROBE_APP, { ...FAST_BUS, APP_CONTEXTS: 'probe-consumer', ...env });
}

export async function recordProbe(producer: AppProcess, key: string): Promise<Response | undefined> {
  return fetch(`${producer.url}/api/v1/probes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  }).catch(() => undefined);
}

export async function effectsOf(dataSource: DataSource, key: string): Promise<{ event_id: string; pid: number }[]> {
  return dataSource.query('SELECT event_id, pid FROM probe_consumer.effects WHERE key = $1', [key]).catch(() => []);
}
