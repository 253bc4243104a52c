import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { Dashboard, Panel } from '@grafana/grafana-foundation-sdk/dashboard';
import { PLATFORM_DASHBOARDS } from './platform-dashboards.js';
import { PLATFORM_PROMQL_RULES, PLATFORM_TYPED_RULES } from './platform-rules.js';
import { provisioningFiles } from './provisioning-files.js';

const DOCKER = join(process.cwd(), 'docker');

interface RuleFile {
  readonly groups: { readonly rules: { readonly alert: string; readonly expr: string }[] }[];
}

describe('the provisioning files under docker/', () => {
  it('are what src/observability/ generates (run `npm run build && npm run dashboards:write` after a change)', async () => {
    for (const [path, generated] of provisioningFiles()) {
      const committed = await readFile(join(DOCKER, path), 'utf8').catch(() => '(missing)');
      expect({ path, committed }).toEqual({ path, committed: generated });
    }
  });

  it('give every dashboard its panels with a query each, laid out without overlap', () => {
    const files = provisioningFiles();
    for (const spec of PLATFORM_DASHBOARDS) {
      const dashboard = JSON.parse(files.get(`grafana/provisioning/dashboards/json/${spec.uid}.json`)!) as Dashboard;
      expect(dashboard).toMatchObject({ uid: spec.uid, title: spec.title });
      const panels = (dashboard.panels ?? []) as Panel[];
      expect(panels.map((panel) => panel.title)).toEqual(spec.panels.map((panel) => panel.title));
      const cells = panels.map((panel) => `${panel.gridPos?.x},${panel.gridPos?.y}`);
      expect(new Set(cells).size).toBe(cells.length);
      for (const panel of panels) {
        expect(panel.datasource).toEqual({ type: 'prometheus', uid: 'prometheus' });
        expect(panel.targets?.length).toBeGreaterThan(0);
      }
    }
    expect(PLATFORM_DASHBOARDS.map((spec) => spec.uid)).toEqual([
      'mlops-runs',
      'mlops-tasks',
      'mlops-queues',
      'mlops-bus',
      'mlops-predictions',
      'mlops-data-quality',
    ]);
  });

  it('load the platform rules, typed ones mapped to PromQL, and point Prometheus at them', () => {
    const files = provisioningFiles();
    const rules = parse(files.get('prometheus/rules/platform.rules.yml')!) as RuleFile;
    const names = rules.groups[0].rules.map((rule) => rule.alert);
    expect(names).toEqual([
      ...PLATFORM_TYPED_RULES.map((rule) => rule.name),
      ...PLATFORM_PROMQL_RULES.map((r) => r.alert),
    ]);
    expect(rules.groups[0].rules[0].expr).toMatch(/workflow_runs_finished_total\{state="failed"\}\[15m\]/);
    const prometheus = parse(files.get('prometheus/prometheus.yml')!) as {
      rule_files: string[];
      scrape_configs: object[];
    };
    expect(prometheus.rule_files).toEqual(['/etc/prometheus/rules/*.rules.yml']);
    expect(prometheus.scrape_configs[0]).toMatchObject({ job_name: 'mlops-platform', metrics_path: '/metrics' });
  });
});
