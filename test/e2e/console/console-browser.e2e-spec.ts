/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { scaled, waitFor } from '@libs/testing';
import type { Page } from 'playwright-core';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../support/prediction/linear-model.js';
import { LINEAR_SIGNATURE } from '../../support/prediction/onnx-deployments.js';
import { startWorkflowWorld, type WorkflowWorld } from '../workflows-support.js';
import { launchChromium, screenshot, seriousAccessibilityViolations, type Browser } from './chromium.js';

const TASKS = ['prepare', 'train', 'review', 'ship'];
const WORKFLOW_YAML = `name: browser-release
tasks:
  - id: prepare
    type: noop
  - id: train
    type: noop
    dependsOn: [prepare]
  - id: review
    type: approval
    dependsOn: [train]
    params:
      message: Ship the model trained by the browser test?
  - id: ship
    type: noop
    dependsOn: [review]
`;
const node = (taskId: string, state: string) => `svg [data-task-id="${taskId}"][data-state="${state}"]`;
const gridCell = (runId: string, taskId: string, state?: string) =>
  `.run-grid a[data-run="${runId}"][data-task="${taskId}"]${state === undefined ? '' : `[data-state="${state}"]`}`;
// The fill the stylesheet gives a succeeded node (#c4eed0), and the browser-side expression that reads one.
const GREEN = 'rgb(196, 238, 208)';
const fillOf = (selector: string) => `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fill`;

/**
 * The console in Debian's Chromium against the real platform: sign in, a workflow from YAML, a run
 * watched node by node, its gate approved from the inbox. Every page is screenshot into
 * test-artifacts/console and audited by axe-core; the console's policy must block nothing it needs.
 */
describe('the console in a browser', () => {
  let world: WorkflowWorld;
  let browser: Browser;
  let page: Page;
  const policyViolations: string[] = [];
  const refreshes: string[] = [];
  let runUrl: string;
  let artifacts: string;
  let datasetVersionId: string;

  beforeAll(async () => {
    // The shortest access token the platform allows, so the test outlives one and the console must refresh it.
    artifacts = await mkdtemp(join(tmpdir(), 'console-artifacts-'));
    world = await startWorkflowWorld(
      {
        AUTH_ACCESS_TOKEN_TTL_SECONDS: '30',
        STORAGE_DRIVER: 'filesystem',
        STORAGE_DIR: artifacts,
        DATA_ENGINE_TEMP_DIR: join(artifacts, 'engine'),
        PREDICTION_LOG_FLUSH_INTERVAL_MS: '50',
        PREDICTION_EXPERIMENT_INTERVAL_MS: '200',
        ALERT_EVAL_INTERVAL_MS: '100',
      },
      'user-management,workflow-engine,model-registry,data-pipeline,prediction,monitoring',
    );
    browser = await launchChromium({ width: 1280, height: 900 });
    page = await browser.context.newPage();
    page.setDefaultTimeout(scaled(15_000));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/browser/refresh') && response.ok()) refreshes.push(response.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await world?.app.close();
    await rm(artifacts, { recursive: true, force: true });
  });

  /** The owner's API client with a new token: the first is older than the 30 s access-token life. */
  async function freshOwner() {
    const { accessToken } = await world.anonymous.login(world.owner.email, world.owner.password);
    return { owner: world.anonymous.withToken(accessToken), accessToken };
  }

  async function visited(name: string): Promise<void> {
    await page.locator('h1').first().waitFor();
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
  }

  it('signs in with the platform login and keeps the tokens out of storage and out of scripts', async () => {
    await page.goto(`${world.app.url}/console/`);
    await visited('login');
    await page.getByLabel('Email').fill(world.owner.email);
    await page.getByLabel('Password').fill(world.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    expect(await page.evaluate('JSON.stringify([localStorage.length, sessionStorage.length])')).toBe('[0,0]');
    const refreshCookie = (await browser.context.cookies()).find((cookie) => cookie.name === 'platform_refresh');
    expect(refreshCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/browser' });
    expect(await page.evaluate('document.cookie')).not.toContain('platform_refresh');
  });

  it('lists the projects and opens one with its members', async () => {
    await visited('projects');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    await page.getByRole('cell', { name: world.owner.id }).waitFor();
    await visited('project-members');
  });

  it('creates a workflow from YAML and draws its DAG', async () => {
    await page.getByRole('link', { name: 'Workflows of this project' }).click();
    await visited('workflows');
    await page.getByLabel('Definition (YAML)').fill(WORKFLOW_YAML);
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByRole('heading', { name: 'browser-release', level: 1 }).waitFor();
    for (const taskId of TASKS) await page.locator(`svg [data-task-id="${taskId}"]`).waitFor();
    await expect(page.getByLabel('Definition as YAML').textContent()).resolves.toContain('dependsOn');
    await visited('workflow');
  });

  it('starts a run and watches its nodes turn green up to the gate, which waits', async () => {
    await page.getByRole('button', { name: 'Start a run' }).click();
    await page.getByRole('heading', { name: 'Run graph' }).waitFor();
    for (const taskId of ['prepare', 'train']) await page.locator(node(taskId, 'succeeded')).waitFor();
    await page.locator(node('review', 'waiting_for_approval')).waitFor();
    runUrl = page.url();
    expect(await page.evaluate(fillOf(`${node('prepare', 'succeeded')} rect`))).toBe(GREEN);
    await page.getByRole('button', { name: 'Logs of train' }).click();
    await page.getByRole('heading', { name: 'Logs of train' }).waitFor();
    await visited('run-waiting');
  });

  it('lists the waiting gate in the approvals inbox', async () => {
    await page.getByRole('link', { name: 'Approvals' }).click();
    await page.getByRole('heading', { name: 'browser-release: review' }).waitFor();
    await visited('approvals');
    await page.getByRole('link', { name: 'open the run' }).click();
    await page.getByRole('heading', { name: 'Run graph' }).waitFor();
  });

  it('approves the gate on the run page and watches the rest turn green without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page.locator(node('review', 'waiting_for_approval')).waitFor();
    expect(await page.locator('svg [data-task-id="ship"]').getAttribute('data-state')).not.toBe('succeeded');
    await page.getByRole('button', { name: 'Approve review' }).click();
    for (const taskId of TASKS) await page.locator(node(taskId, 'succeeded')).waitFor();
    await page.locator('[data-run-state="succeeded"]').waitFor();
    expect(navigations).toEqual([]);
    await visited('run-succeeded');
  });

  it("draws the workflow's recent runs by task in a grid whose cells change as a run goes on", async () => {
    const navigations: string[] = [];
    await page.getByRole('link', { name: 'the workflow' }).click();
    const workflowId = new URL(page.url()).pathname.split('/').at(-1)!;
    const firstRunId = new URL(runUrl).pathname.split('/').at(-1)!;
    for (const taskId of TASKS) await page.locator(gridCell(firstRunId, taskId, 'succeeded')).waitFor();
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const { owner } = await freshOwner();
    const started = await owner.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: {} });
    expect(started.status).toBe(201);
    const runId = started.body.id as string;
    await page.locator(gridCell(runId, 'review', 'waiting_for_approval')).waitFor();
    expect(await page.locator(gridCell(runId, 'ship')).getAttribute('data-state')).toBe('pending');
    await visited('workflow-grid-waiting');
    const approved = await owner.call('POST', `/api/v1/workflow-runs/${runId}/tasks/review/approval`, {
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    await page.locator(gridCell(runId, 'ship', 'succeeded')).waitFor();
    expect(navigations).toEqual([]);
    // Oldest left, newest right.
    const headers = await page.locator('.run-grid thead [data-run]').all();
    const columns = await Promise.all(headers.map((header) => header.getAttribute('data-run')));
    expect(columns).toEqual([firstRunId, runId]);
    await visited('workflow-grid');
    await page.setViewportSize({ width: 390, height: 844 });
    await visited('workflow-grid-390px');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator(gridCell(runId, 'train')).click();
    await page.getByRole('heading', { name: 'Logs of train' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/runs/${runId}`);
    expect(new URL(page.url()).searchParams.get('task')).toBe('train');
  });

  it('pauses a run waiting at its gate and resumes it, offering only what its state allows', async () => {
    await page.getByRole('link', { name: 'the workflow' }).click();
    await page.getByRole('button', { name: 'Start a run' }).click();
    await page.locator(node('review', 'waiting_for_approval')).waitFor();
    await page.locator('[data-run-state="running"]').waitFor();
    expect(await page.getByRole('button', { name: 'Resume run' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Pause run' }).click();
    await page.locator('[data-run-state="paused"]').waitFor();
    await page.getByRole('button', { name: 'Resume run' }).waitFor();
    expect(await page.getByRole('button', { name: 'Pause run' }).count()).toBe(0);
    await visited('run-paused');
    await page.getByRole('button', { name: 'Resume run' }).click();
    await page.locator('[data-run-state="running"]').waitFor();
    await page.getByRole('button', { name: 'Pause run' }).waitFor();
    await page.getByRole('button', { name: 'Approve review' }).click();
    await page.locator('[data-run-state="succeeded"]').waitFor();
    await page.getByRole('button', { name: 'Rerun', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
  });

  it("reruns a run from a task reusing what is upstream, shows the API's refusal, and retries a rejected gate", async () => {
    const rerun = page.url();
    await page.getByRole('button', { name: 'Rerun from train' }).click();
    await page.waitForURL((url) => url.href !== rerun);
    await page.locator(node('review', 'waiting_for_approval')).waitFor();
    await page.getByRole('link', { name: 'the run it reruns' }).waitFor();
    await page.getByRole('link', { name: 'reused from an earlier run' }).waitFor();
    await page.getByRole('button', { name: 'Reject review' }).click();
    await page.locator('[data-run-state="failed"]').waitFor();
    await page.locator(node('ship', 'upstream_failed')).waitFor();
    await page.getByRole('button', { name: 'Rerun from ship' }).click();
    await page.getByRole('alert').getByText('upstream of ship, review did not succeed').waitFor();
    await visited('run-rerun-refused');
    await page.getByRole('button', { name: 'Retry review' }).click();
    await page.locator(node('review', 'waiting_for_approval')).waitFor();
    await page.locator('[data-run-state="running"]').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Approve review' }).click();
    for (const taskId of TASKS) await page.locator(node(taskId, 'succeeded')).waitFor();
    await page.locator('[data-run-state="succeeded"]').waitFor();
    await visited('run-rerun-succeeded');
  });

  it("opens a dataset version's check results with the failing keys", async () => {
    const { owner, accessToken } = await freshOwner();
    const dataset = await owner.call('POST', `/api/v1/projects/${world.projectId}/datasets`, {
      name: 'customers',
      schema: {
        columns: [
          { name: 'id', type: 'integer', nullable: false },
          { name: 'email', type: 'string', nullable: true },
        ],
        primaryKey: ['id'],
      },
    });
    expect(dataset.status).toBe(201);
    const uploaded = await fetch(`${world.app.url}/api/v1/datasets/${dataset.body.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'text/csv' },
      body: 'id,email\n1,a@example.org\n4,\n7,b@example.org\n9,\n',
    });
    expect(uploaded.status).toBe(201);
    datasetVersionId = ((await uploaded.json()) as { id: string }).id;
    const checks = await owner.call('POST', `/api/v1/dataset-versions/${datasetVersionId}/check-runs`, {
      checks: [
        { name: 'email present', kind: 'not_null', column: 'email' },
        { name: 'id present', kind: 'not_null', column: 'id' },
      ],
    });
    expect(checks.status).toBe(201);

    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Datasets of this project' }).click();
    await page.getByRole('link', { name: 'customers' }).click();
    await page.getByRole('link', { name: 'version 1' }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    await visited('dataset-version');
    await page.getByRole('region', { name: 'Check runs' }).getByRole('link').first().click();
    const failing = page.locator('tr[data-check="email present"]');
    await failing.getByText('fail', { exact: true }).waitFor();
    await failing.getByText('2 rows; first id: 4, 9').waitFor();
    await page.locator('tr[data-check="id present"]').getByText('pass', { exact: true }).waitFor();
    await visited('check-results');
  });

  it("draws the dataset version's column profiles, and opens its check run as Data Docs with the HTML report", async () => {
    await page.getByRole('link', { name: 'the dataset version' }).click();
    await page.getByRole('img', { name: 'email: 50.0 % null (2 of 4 rows)' }).waitFor();
    await page.getByRole('img', { name: 'id: 0.0 % null (0 of 4 rows)' }).waitFor();
    await page.getByRole('img', { name: /^Histogram of id: 1 to / }).waitFor();
    await page.getByRole('img', { name: /^Most frequent values of email: / }).waitFor();
    await visited('dataset-profile-charts');

    await page.getByRole('region', { name: 'Check runs' }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Data Docs' }).click();
    await page.getByRole('heading', { name: /^Data Docs: validation of / }).waitFor();
    await page.locator('[data-verdict="fail"] [data-successful]').getByText('1', { exact: true }).waitFor();
    const failing = page.locator('tr[data-expectation="email present"]');
    await failing.getByText('✗ fail').waitFor();
    await failing.getByText('email is never null').waitFor();
    await failing.getByText('2 unexpected rows').waitFor();
    for (const key of ['4', '9']) await failing.getByRole('listitem').getByText(key, { exact: true }).waitFor();
    await page.locator('tr[data-expectation="id present"]').getByText('✓ pass').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the HTML report' }).click(),
    ]);
    const report = await readFile(await download.path(), 'utf8');
    expect(report).toContain('email present');
    await visited('data-docs');
  });

  it('opens a model version with its metrics, approves it, moves an alias to it, and follows its lineage to the dataset', async () => {
    const { owner, accessToken } = await freshOwner();
    // One person plays registrant and reviewer here: the project relaxes four eyes.
    await owner.call('PUT', `/api/v1/projects/${world.projectId}/model-registry-settings`, {
      selfApprovalAllowed: true,
    });
    const model = await owner.call('POST', `/api/v1/projects/${world.projectId}/models`, {
      name: 'churn-classifier',
      description: 'Who leaves within 90 days',
    });
    expect(model.status).toBe(201);
    const version = await owner.call('POST', `/api/v1/models/${model.body.id}/versions`, {
      framework: 'onnx',
      metrics: { auc: 0.93 },
      trainingDatasets: [{ datasetVersionId, name: 'customers' }],
    });
    expect(version.status).toBe(201);
    const uploaded = await fetch(`${world.app.url}/api/v1/model-versions/${version.body.id}/artifact`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/octet-stream' },
      body: Buffer.from('model bytes'),
    });
    expect(uploaded.status).toBe(200);

    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Models of this project' }).click();
    await visited('models');
    await page.getByRole('link', { name: 'churn-classifier' }).click();
    await page.getByRole('link', { name: 'version 1' }).click();
    await page.getByRole('cell', { name: '0.93' }).waitFor();
    await page.getByRole('button', { name: 'Approve version' }).click();
    await page.getByText('Status: Approved').waitFor();
    await visited('model-version');
    await page.getByRole('link', { name: 'the model and its aliases' }).click();
    await page.getByRole('textbox', { name: 'Alias', exact: true }).fill('champion');
    await page.getByRole('combobox', { name: 'To version' }).selectOption({ label: 'version 1 (Approved)' });
    await page.getByRole('button', { name: 'Move alias' }).click();
    await page.locator('tr[data-alias="champion"]').getByRole('link', { name: 'version 1' }).waitFor();
    await visited('model-aliases');
    await page.getByRole('link', { name: 'version 1' }).first().click();
    await page.getByRole('link', { name: 'lineage' }).click();
    // The lineage is fed by events after the fact; the page polls until the edge is there.
    await page.locator(`svg [data-task-id="dataset-version:${datasetVersionId}"]`).waitFor();
    await page.locator(`svg [data-task-id="model-version:${version.body.id}"]`).waitFor();
    await visited('lineage');
    await page.getByRole('link', { name: /^dataset-version:/ }).click();
    await page.getByRole('heading', { name: /^Lineage of / }).waitFor();
    await page.locator(`svg [data-task-id="model-version:${version.body.id}"]`).waitFor();
  });

  it("writes a version's model card, shows the API's refusal of a stale edit, and compares two versions", async () => {
    const { owner } = await freshOwner();
    const models = await owner.call('GET', `/api/v1/projects/${world.projectId}/models`);
    const model = (models.body.items as { id: string; name: string }[]).find(
      (item) => item.name === 'churn-classifier',
    )!;
    const second = await owner.call('POST', `/api/v1/models/${model.id}/versions`, {
      framework: 'onnx',
      metrics: { auc: 0.95, f1: 0.8 },
      params: { depth: 6 },
    });
    expect(second.status).toBe(201);

    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Models of this project' }).click();
    await page.getByRole('link', { name: 'churn-classifier' }).click();
    await page.getByRole('link', { name: 'version 1', exact: true }).first().click();
    const versionId = page.url().split('/').pop()!;
    await page.getByText('Nobody has written this card yet.').waitFor();
    await page.getByRole('listitem').getByText(`Approved on `).waitFor();
    await page.getByRole('listitem').getByText(world.owner.id).waitFor();
    await page.getByRole('button', { name: 'Edit model card' }).click();
    await page.getByRole('textbox', { name: 'Intended use' }).fill('Rank accounts for retention offers');
    await page.getByRole('button', { name: 'Save model card' }).click();
    await page.getByRole('status').getByText('Saved as revision 1.').waitFor();
    await page.locator('[data-card-section="intendedUse"]').getByText('Rank accounts for retention offers').waitFor();

    // Someone else saves revision 2 meanwhile: the page's edit of revision 1 is refused, not applied.
    const elsewhere = await owner.call('PUT', `/api/v1/model-versions/${versionId}/model-card`, {
      intendedUse: 'Rank accounts for retention offers, monthly',
    });
    expect(elsewhere.status).toBe(200);
    await page.getByRole('button', { name: 'Edit model card' }).click();
    await page.getByRole('textbox', { name: 'Limitations' }).fill('Not for accounts younger than 30 days');
    await page.getByRole('button', { name: 'Save model card' }).click();
    await page
      .getByRole('alert')
      .getByText(/was changed by someone else; reload and try again/)
      .waitFor();
    await visited('model-card-refused');
    await page.getByRole('button', { name: 'Load the current card' }).click();
    await page.getByText('Draft, revision 2.').waitFor();
    await page.getByRole('button', { name: 'Edit model card' }).click();
    await page.getByRole('textbox', { name: 'Limitations' }).fill('Not for accounts younger than 30 days');
    await page.getByRole('button', { name: 'Save model card' }).click();
    await page.getByRole('status').getByText('Saved as revision 3.').waitFor();
    await page.locator('[data-card-section="intendedUse"]').getByText('monthly', { exact: false }).waitFor();
    await page
      .locator('[data-card-section="limitations"]')
      .getByText('Not for accounts younger than 30 days')
      .waitFor();
    await page.getByRole('button', { name: 'Edit model card' }).click();
    await page.getByRole('checkbox', { name: /^Make the card final/ }).check();
    await page.getByRole('button', { name: 'Save model card' }).click();
    await page.getByText(/^Final since .+: it no longer changes\.$/).waitFor();
    expect(await page.getByRole('button', { name: 'Edit model card' }).count()).toBe(0);
    await visited('model-card');

    await page.getByRole('link', { name: 'compare with other versions' }).click();
    await page.getByText('Choose two or more versions to compare them.').waitFor();
    // The box shows what the address holds: it turns checked once the navigation the click starts is
    // done, later than `check()` looks on a busy machine. The comparison it brings is waited for below.
    await page.getByRole('checkbox', { name: /^Version 2 / }).click();
    const auc = page.locator('tr[data-compared="auc"]');
    await auc.getByText('≠ differs').waitFor();
    await auc.getByRole('cell', { name: '0.93', exact: true }).waitFor();
    await auc.getByRole('cell', { name: '0.95', exact: true }).waitFor();
    await page.locator('tr[data-compared="f1"]').getByRole('cell', { name: '—', exact: true }).waitFor();
    await page.locator('tr[data-compared="depth"]').getByText('≠ differs').waitFor();
    await page.locator('tr[data-compared="framework"]').getByRole('cell', { name: 'same', exact: true }).waitFor();
    expect(decodeURIComponent(page.url())).toContain(`versions=${versionId},${second.body.id as string}`);
    await visited('model-compare');
  });

  it('opens a deployment with its variants, live split, latency and errors, the experiment that promoted the winner, and a promotion by hand', async () => {
    const { owner, accessToken } = await freshOwner();
    const model = await owner.call('POST', `/api/v1/projects/${world.projectId}/models`, { name: 'scorer' });
    expect(model.status).toBe(201);
    async function approvedVersion(scale: number): Promise<string> {
      const version = await owner.call('POST', `/api/v1/models/${model.body.id}/versions`, {
        framework: 'onnx',
        signature: LINEAR_SIGNATURE,
      });
      const weights = LINEAR_WEIGHTS.map((row) => row.map((weight) => weight * scale));
      const uploaded = await fetch(`${world.app.url}/api/v1/model-versions/${version.body.id}/artifact`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/octet-stream' },
        body: linearModel(weights, LINEAR_BIAS),
      });
      expect(uploaded.status).toBe(200);
      const approved = await owner.call('POST', `/api/v1/model-versions/${version.body.id}/approval`, {
        decision: 'Approved',
        comment: '',
      });
      expect(approved.status).toBe(200);
      return version.body.id as string;
    }
    const [first, second] = [await approvedVersion(1), await approvedVersion(2)];
    expect(
      (await owner.call('PUT', `/api/v1/models/${model.body.id}/aliases/champion`, { versionId: first })).status,
    ).toBe(200);
    const deployment = await owner.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name: 'scorer-ab',
      variants: [
        { name: 'a', model: first, runtime: 'onnx', weight: 50 },
        { name: 'b', model: second, runtime: 'onnx', weight: 50 },
      ],
      serving: {
        logging: { sampleRate: 1, retentionDays: 7 },
        experiment: { metric: 'accuracy', alpha: 0.05, minSamples: 20, promote: { enabled: true, alias: 'champion' } },
      },
    });
    expect(deployment.status).toBe(201);
    // Variant b is always right and a one time in three: the test finds b better and promotion moves champion to it.
    const serving = owner.withHeaders({ 'x-project-id': world.projectId });
    for (const variant of ['a', 'b'])
      for (let row = 0; row < 24; row += 1) {
        const answer = await serving.call('POST', `/v2/models/scorer-ab/versions/${variant}/infer`, {
          inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [[row, 0, 0]] }],
        });
        expect(answer.status).toBe(200);
        const predicted = answer.body.outputs[0].data[0] as number;
        const label = variant === 'b' || row % 3 === 0 ? predicted : predicted + 1000;
        expect((await serving.call('POST', `/api/v1/predictions/${answer.body.id}/feedback`, { label })).status).toBe(
          204,
        );
      }

    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Deployments of this project' }).click();
    await visited('deployments');
    await page.getByRole('link', { name: 'scorer-ab' }).click();
    await page.getByRole('heading', { name: 'Deployment scorer-ab', level: 1 }).waitFor();
    // The records are written off the request's path; the page polls until they are counted.
    for (const variant of ['a', 'b'])
      await page
        .locator(`tr[data-variant="${variant}"] td[data-predictions]`)
        .getByText('24', { exact: true })
        .waitFor();
    await page.getByRole('img', { name: 'Live traffic split: a 50.0 %, b 50.0 %' }).waitFor();
    await page.locator('[data-experiment-status="significant"]').waitFor();
    expect(Number(await page.locator('[data-p-value]').textContent())).toBeLessThan(0.05);
    await page.locator('[data-decision="moved"]').waitFor();
    await page.getByRole('textbox', { name: 'Alias to move' }).fill('stable');
    await page.getByRole('button', { name: 'Promote b' }).click();
    await page.getByRole('status').getByText('Moved stable to version 2, which b serves.').waitFor();
    const aliases = await (await freshOwner()).owner.call('GET', `/api/v1/models/${model.body.id}/aliases`);
    expect(aliases.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ alias: 'champion', versionId: second }),
        expect.objectContaining({ alias: 'stable', versionId: second }),
      ]),
    );
    await visited('deployment');
  });

  it("draws each variant's latency and error rate over time from the prediction log, and keeps them live", async () => {
    const latency = page.getByRole('img', {
      name: /^Mean latency per variant \(ms\)\. a: latest .* ms.*; b: latest .* ms/,
    });
    await latency.waitFor();
    await page.getByRole('img', { name: /^Error rate per variant\. a: latest 0\.0 %.*; b: latest 0\.0 %/ }).waitFor();
    // A line of one bucket is only its marker: the series' group is what is drawn either way.
    for (const variant of ['a', 'b']) await latency.locator(`[data-series="${variant}"]`).waitFor();
    await page.getByText('48 predictions in 10 s buckets').waitFor();
    await page.getByText('The figures as a table').click();
    await page.locator('tr[data-bucket-variant="a"]').first().waitFor();
    await visited('deployment-over-time');
    // One more prediction reaches the charts by polling, without a reload.
    const { owner } = await freshOwner();
    const answer = await owner
      .withHeaders({ 'x-project-id': world.projectId })
      .call('POST', '/v2/models/scorer-ab/versions/a/infer', {
        inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [[1, 0, 0]] }],
      });
    expect(answer.status).toBe(200);
    await page.getByText('49 predictions in 10 s buckets').waitFor();
  });

  it('shows a firing alert and its history, and creates and expires a silence', async () => {
    const { owner } = await freshOwner();
    const rule = await owner.call('POST', `/api/v1/projects/${world.projectId}/alert-rules`, {
      name: 'data checks failed',
      expr: { signal: 'data.checks_failed', window: '1h', op: '>', threshold: 0 },
    });
    expect(rule.status).toBe(201);
    const checks = await owner.call('POST', `/api/v1/dataset-versions/${datasetVersionId}/check-runs`, {
      checks: [{ name: 'email present', kind: 'not_null', column: 'email' }],
    });
    expect(checks.status).toBe(201);

    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Alerts of this project' }).click();
    // The rule is evaluated off the request's path; the page polls until the alert fires.
    await page.locator('tr[data-alert="data checks failed"][data-state="firing"]').waitFor();
    await page.locator('tr[data-transition="inactive-firing"]').first().waitFor();
    await page.getByRole('textbox', { name: 'Value' }).fill('data checks failed');
    await page.getByRole('textbox', { name: 'Comment' }).fill('known bad upload');
    await page.getByRole('button', { name: 'Create silence' }).click();
    await page.locator('tr[data-silence="alertname=data checks failed"]').waitFor();
    await visited('alerts');
    await page.getByRole('button', { name: 'Expire silence alertname=data checks failed' }).click();
    await page.getByText('No silence in force.').waitFor();
  });

  it('creates an alert rule after the API refused a bad window, edits it, and deletes it', async () => {
    await page.getByRole('textbox', { name: 'Rule name' }).fill('slow scorer');
    await page.getByRole('textbox', { name: 'Signal' }).fill('prediction.latency_p99_seconds');
    await page.getByRole('textbox', { name: 'Window' }).fill('5 minutes');
    await page.getByRole('textbox', { name: 'Threshold' }).fill('0.5');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('alert').getByText('expr.window', { exact: true }).waitFor();
    await visited('alert-rule-refused');
    await page.getByRole('textbox', { name: 'Window' }).fill('5m');
    await page.getByRole('button', { name: 'Create rule' }).click();
    const row = page.locator('tr[data-rule="slow scorer"]');
    await row.getByText('prediction.latency_p99_seconds[5m] > 0.5').waitFor();

    await page.getByRole('button', { name: 'Edit rule slow scorer' }).click();
    await page.getByRole('heading', { name: 'Edit rule slow scorer' }).waitFor();
    await page.getByRole('textbox', { name: 'Threshold' }).fill('2');
    await page.getByRole('combobox', { name: 'Severity' }).selectOption('critical');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('status').getByText('Saved rule slow scorer.').waitFor();
    await row.getByText('prediction.latency_p99_seconds[5m] > 2').waitFor();
    await row.getByRole('cell', { name: 'critical', exact: true }).waitFor();
    await visited('alert-rules');

    await page.getByRole('button', { name: 'Delete rule slow scorer' }).click();
    await page.getByRole('button', { name: 'Confirm deleting rule slow scorer' }).click();
    await page.getByRole('status').getByText('Deleted rule slow scorer.').waitFor();
    await row.waitFor({ state: 'detached' });
  });

  it('refreshed the access token before it expired, and broke no rule of its content security policy', async () => {
    await waitFor(() => refreshes.length > 0, { timeoutMs: 40_000, what: 'a token refresh' });
    await page.getByRole('link', { name: 'Approvals' }).click();
    await page.getByText('Nothing waits for you.').waitFor();
    expect(policyViolations).toEqual([]);
  });

  it('keeps the session through a page load whose first refresh the API cannot answer (503): it asks again', async () => {
    const refresh = '**/api/v1/auth/browser/refresh';
    let refused = 0;
    await page.route(refresh, async (route) => {
      if (refused > 0) return route.continue();
      refused += 1;
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'retry-after': '0' },
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
      });
    });
    await page.goto(runUrl);
    await page.locator(node('ship', 'succeeded')).waitFor();
    expect(refused).toBe(1);
    await page.unroute(refresh);
  });

  it('keeps the session across a page load, and fits a 390 px wide screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(runUrl);
    await page.locator(node('ship', 'succeeded')).waitFor();
    await visited('run-390px');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    for (const [link, heading, name] of [
      ['Deployments of this project', 'Deployments', 'deployments-390px'],
      ['Alerts of this project', 'Alerts', 'alerts-390px'],
    ]) {
      await page.getByRole('link', { name: 'Projects' }).click();
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await visited(name);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    }
    await page.getByRole('link', { name: 'Back to the project' }).click();
    await page.getByRole('link', { name: 'Deployments of this project' }).click();
    await page.getByRole('link', { name: 'scorer-ab' }).click();
    await page.locator('[data-experiment-status="significant"]').waitFor();
    await visited('deployment-390px');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  it('signs out for good: the next page load asks for the login', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the ML platform console' }).waitFor();
    await page.goto(runUrl);
    await page.getByRole('heading', { name: 'Sign in to the ML platform console' }).waitFor();
    expect((await browser.context.cookies()).some((cookie) => cookie.name === 'platform_refresh')).toBe(false);
  });
});
