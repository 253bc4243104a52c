import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '@libs/platform';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are checked field by field below
type Manifest = any;

const DOCKER = join(import.meta.dirname, '../../../docker');
const SPLIT = ['gateway', 'api-core', 'api-ml', 'worker-core', 'worker-ml'];

/** The variables `.env.example` documents: the platform's whole configuration (README). */
async function documentedVariables(): Promise<Set<string>> {
  const text = await readFile(join(DOCKER, '../.env.example'), 'utf8');
  return new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
}

/** Compose's `${NAME:-default}` and `${NAME:?message}` as they resolve with nothing set. */
function resolved(value: unknown): string {
  return String(value).replace(/\$\{[A-Z_]+(?::-([^}]*)|:\?[^}]*)?\}/g, (_whole, fallback?: string) => fallback ?? '');
}

/** What the operator supplies to every process (compose's `${NAME:?}`, Kubernetes's Secret). */
const OPERATOR_SECRETS = {
  AUTH_KEY_ENCRYPTION_SECRET: 'x'.repeat(32),
  SECRETS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
};

/** What a process started with `env` would be configured as; throws as the boot would. */
function bootConfig(env: Record<string, string>) {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  return loadConfig(
    { DATABASE_URL: 'postgres://db/mlops', REDIS_URL: 'redis://redis:6379', ...OPERATOR_SECRETS, ...given },
    CONTEXT_NAMES,
  );
}

async function kubernetesManifests(): Promise<{ file: string; manifest: Manifest }[]> {
  const folders = [join(DOCKER, 'kubernetes'), join(DOCKER, 'kubernetes/split')];
  const found: { file: string; manifest: Manifest }[] = [];
  for (const folder of folders) {
    for (const file of (await readdir(folder)).filter((name) => name.endsWith('.yaml')).sort()) {
      const documents = parseAllDocuments(await readFile(join(folder, file), 'utf8'));
      for (const document of documents) {
        expect(document.errors).toEqual([]);
        found.push({ file: join(folder, file).slice(DOCKER.length + 1), manifest: document.toJS() });
      }
    }
  }
  return found;
}

interface Container {
  readonly env?: readonly { readonly name: string; readonly value?: unknown }[];
  readonly envFrom?: readonly { readonly configMapRef?: { readonly name: string } }[];
  readonly ports?: readonly { readonly name?: string }[];
  readonly resources?: { readonly requests?: Record<string, unknown> };
  readonly startupProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
}
type Probe = { readonly httpGet?: { readonly path?: string; readonly port?: string } } | undefined;
const PROBES = ['startupProbe', 'livenessProbe', 'readinessProbe'] as const;

const containersOf = (manifest: Manifest): Container[] =>
  manifest.spec?.template?.spec?.containers ?? manifest.spec?.jobTemplate?.spec?.template?.spec?.containers ?? [];

describe('deployables (compose and Kubernetes)', () => {
  let documented: Set<string>;
  let compose: Manifest;
  let manifests: { file: string; manifest: Manifest }[];

  beforeAll(async () => {
    documented = await documentedVariables();
    compose = parse(await readFile(join(DOCKER, 'compose.yml'), 'utf8'), { merge: true });
    manifests = await kubernetesManifests();
  });

  describe('compose', () => {
    it('has the split topology under its own profile, every process booting with a valid configuration', () => {
      for (const name of SPLIT) {
        const service = compose.services[name];
        expect({ name, profiles: service?.profiles }).toEqual({ name, profiles: ['split'] });
        const env = Object.fromEntries(
          Object.entries(service.environment).map(([key, value]) => [key, resolved(value)]),
        );
        expect({ name, undocumented: Object.keys(env).filter((key) => !documented.has(key)) }).toEqual({
          name,
          undocumented: [],
        });
        expect(() => bootConfig(env)).not.toThrow();
        // Compose asks the operator for them rather than booting without (production refuses to).
        for (const secret of Object.keys(OPERATOR_SECRETS)) expect(service.environment[secret]).toMatch(/:\?/);
        for (const dependency of Object.keys(service.depends_on ?? {}))
          expect(compose.services).toHaveProperty(dependency);
      }
      expect(compose.services.app.profiles).toBeUndefined();
      expect(Object.keys(compose.services.gateway.ports ?? [])).toHaveLength(1);
      expect(SPLIT.filter((name) => compose.services[name].ports)).toEqual(['gateway']);
    });

    it('hosts every context behind an API process and a worker, and api-gateway in the gateway only', () => {
      const hosting = (role: string) =>
        SPLIT.filter((name) => compose.services[name].environment.APP_ROLE === role).flatMap(
          (name) => bootConfig({ APP_CONTEXTS: compose.services[name].environment.APP_CONTEXTS }).contexts,
        );
      const withoutGateway = CONTEXT_NAMES.filter((name) => name !== 'api-gateway');
      expect(new Set(hosting('api'))).toEqual(new Set(CONTEXT_NAMES));
      expect(hosting('api').filter((name) => name === 'api-gateway')).toHaveLength(1);
      expect(compose.services.gateway.environment.APP_CONTEXTS).toBe('api-gateway');
      expect(new Set(hosting('worker'))).toEqual(new Set(withoutGateway));
    });
  });

  describe('Kubernetes', () => {
    it('runs every container on documented variables and a configuration that boots', () => {
      const configMaps = manifests.filter(({ manifest }) => manifest.kind === 'ConfigMap');
      for (const { manifest } of configMaps) {
        expect(Object.keys(manifest.data).filter((key) => !documented.has(key))).toEqual([]);
      }
      const shared = Object.assign({}, ...configMaps.map(({ manifest }) => manifest.data as Record<string, string>));
      const names = new Set(configMaps.map(({ manifest }) => manifest.metadata.name as string));
      for (const { file, manifest } of manifests) {
        for (const container of containersOf(manifest)) {
          const env: Record<string, string> = Object.fromEntries(
            (container.env ?? []).map((entry) => [entry.name, String(entry.value)]),
          );
          expect({ file, undocumented: Object.keys(env).filter((key) => !documented.has(key)) }).toEqual({
            file,
            undocumented: [],
          });
          for (const source of container.envFrom ?? []) {
            if (source.configMapRef) expect(names).toContain(source.configMapRef.name);
          }
          expect(() => bootConfig({ ...shared, ...env })).not.toThrow();
        }
      }
    });

    it('gives every long-running container resource requests and probes on a named port', () => {
      const deployments = manifests.filter(({ manifest }) => manifest.kind === 'Deployment');
      expect(deployments.map(({ manifest }) => manifest.metadata.name)).toEqual(
        expect.arrayContaining(SPLIT.map((name) => `mlops-platform-${name}`)),
      );
      for (const { file, manifest } of deployments) {
        const podLabels = manifest.spec.template.metadata.labels;
        expect({ file, matches: manifest.spec.selector.matchLabels }).toEqual({ file, matches: podLabels });
        for (const container of containersOf(manifest)) {
          expect(container.resources?.requests).toEqual({ cpu: expect.anything(), memory: expect.anything() });
          const ports = new Set((container.ports ?? []).map((port) => port.name));
          for (const probe of PROBES) {
            expect({ file, probe, port: ports.has(container[probe]?.httpGet?.port) }).toEqual({
              file,
              probe,
              port: true,
            });
          }
        }
      }
    });

    it('points every Service at pods that exist, and the split topology’s public Service at the gateway', () => {
      const split = manifests.filter(({ file }) => file.startsWith('kubernetes/split/'));
      const deployments = manifests.filter(({ manifest }) => manifest.kind === 'Deployment');
      for (const { file, manifest } of manifests.filter(({ manifest }) => manifest.kind === 'Service')) {
        const selected = deployments.filter(({ manifest: deployment }) =>
          Object.entries(manifest.spec.selector).every(
            ([key, value]) => deployment.spec.template.metadata.labels[key] === value,
          ),
        );
        expect({ file, selected: selected.length > 0 }).toEqual({ file, selected: true });
      }
      const publicService = split.find(
        ({ manifest }) => manifest.kind === 'Service' && manifest.metadata.name === 'mlops-platform',
      );
      expect(publicService?.manifest.spec.selector['app.kubernetes.io/component']).toBe('gateway');
    });

    it('scales every worker Deployment of the split topology with an HPA on CPU', () => {
      const deployments = manifests.filter(({ manifest }) => manifest.kind === 'Deployment');
      const autoscalers = manifests.filter(({ manifest }) => manifest.kind === 'HorizontalPodAutoscaler');
      const workers = deployments.filter(
        ({ file, manifest }) =>
          file.startsWith('kubernetes/split/') &&
          containersOf(manifest).some((container) =>
            (container.env ?? []).some((entry) => entry.name === 'APP_ROLE' && entry.value === 'worker'),
          ),
      );
      expect(workers.length).toBeGreaterThan(0);
      for (const { manifest: worker } of workers) {
        const autoscaler = autoscalers.find(
          ({ manifest }) =>
            manifest.spec.scaleTargetRef.kind === 'Deployment' &&
            manifest.spec.scaleTargetRef.name === worker.metadata.name,
        );
        expect({ worker: worker.metadata.name, autoscaled: autoscaler !== undefined }).toEqual({
          worker: worker.metadata.name,
          autoscaled: true,
        });
        const { minReplicas, maxReplicas, metrics } = autoscaler!.manifest.spec;
        expect(minReplicas).toBeLessThanOrEqual(maxReplicas);
        expect(metrics).toContainEqual(
          expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }),
        );
      }
      for (const { manifest } of autoscalers) {
        expect(deployments.map(({ manifest: deployment }) => deployment.metadata.name)).toContain(
          manifest.spec.scaleTargetRef.name,
        );
      }
    });
  });

  describe('probes', () => {
    const apps: TestApp[] = [];
    afterAll(async () => {
      for (const app of apps) await app.close();
    });

    it('are routes a gateway and a worker really serve', async () => {
      const paths = new Set<string>();
      for (const { manifest } of manifests) {
        for (const container of containersOf(manifest)) {
          for (const probe of PROBES) {
            const path = container[probe]?.httpGet?.path;
            if (path) paths.add(path);
          }
        }
      }
      expect(paths.size).toBeGreaterThan(0);
      for (const env of [
        { APP_CONTEXTS: 'api-gateway', APP_ROLE: 'api' },
        { APP_CONTEXTS: 'user-management', APP_ROLE: 'worker' },
      ]) {
        const app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, env);
        apps.push(app);
        for (const path of paths) {
          const answer = await fetch(`${app.url}${path}`);
          // A probe may answer 503 while a check is down; what it must not be is a route that is not there.
          expect({ ...env, path, status: [200, 503].includes(answer.status) }).toEqual({ ...env, path, status: true });
        }
      }
    });
  });
});
