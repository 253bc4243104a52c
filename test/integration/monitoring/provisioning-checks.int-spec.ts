import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';
import { checkRules, requirePromtool } from '../../support/promtool.js';

const DOCKER = join(process.cwd(), 'docker');
const DASHBOARDS = join(DOCKER, 'grafana/provisioning/dashboards/json');

/**
 * The committed provisioning files against the tools that read them: promtool for Prometheus's
 * rule file and configuration, and for Grafana the dashboard schema of the builder we generate
 * them with (the Grafana Foundation SDK's `Dashboard` type, as JSON schema).
 */
describe('docker/ provisioning files, checked by the tools that read them', () => {
  let validateDashboard: ReturnType<Ajv['compile']>;

  beforeAll(() => {
    const resolve = createRequire(import.meta.url).resolve;
    const typesOf = (kind: string) =>
      resolve(`@grafana/grafana-foundation-sdk/${kind}`).replace(/index\.js$/, 'types.gen.d.ts');
    const schemaOf = (kind: string, type: string) =>
      createGenerator({ path: typesOf(kind), type, skipTypeCheck: true, topRef: false }).createSchema(type);
    const dashboard = schemaOf('dashboard', 'Dashboard');
    // A panel's targets are the SDK's marker type of any datasource's query; ours are Prometheus queries.
    const prometheus = schemaOf('prometheus', 'Dataquery');
    const { definitions = {}, ...query } = prometheus;
    const schema = { ...dashboard, definitions: { ...definitions, ...dashboard.definitions, Dataquery: query } };
    validateDashboard = new Ajv({ allErrors: true, strict: false }).compile(schema);
  });

  it('promtool accepts the platform rule file and the Prometheus configuration', async () => {
    const rules = await readFile(join(DOCKER, 'prometheus/rules/platform.rules.yml'), 'utf8');
    expect(checkRules(rules)).toEqual({ status: 0, output: expect.stringMatching(/SUCCESS: \d+ rules found/) });
    const config = spawnSync(
      requirePromtool(),
      ['check', 'config', '--syntax-only', join(DOCKER, 'prometheus/prometheus.yml')],
      {
        encoding: 'utf8',
      },
    );
    expect({ status: config.status, output: `${config.stdout}${config.stderr}` }).toMatchObject({ status: 0 });
  });

  it('every dashboard validates against the builder’s dashboard schema, and a broken one does not', async () => {
    const files = (await readdir(DASHBOARDS)).filter((file) => file.endsWith('.json'));
    expect(files.length).toBe(6);
    for (const file of files) {
      const dashboard = JSON.parse(await readFile(join(DASHBOARDS, file), 'utf8')) as Record<string, unknown>;
      expect({ file, valid: validateDashboard(dashboard), errors: validateDashboard.errors ?? null }).toEqual({
        file,
        valid: true,
        errors: null,
      });
      // The schema has teeth: a panel without its type, or a misspelt field, is refused.
      const broken = { ...dashboard, panels: [{ title: 'no type' }], refreshh: '5s' };
      expect(validateDashboard(broken)).toBe(false);
    }
  });
});
