import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type AppProcess } from '@libs/testing';
import { createWorkflow, waitForRun } from '../../e2e/workflows-support.js';
import { OtlpReceiver, type ReceivedSpan } from '../../support/tracing/otlp-receiver.js';
import { clientOf, projectOwner, startPlatform, type ProjectOwner } from '../../support/workflow-platform.js';

// Jest applies no loader hooks, so the built app runs as a child process with the preload, as in production.
const PRELOAD = fileURLToPath(new URL('../../../dist/src/tracing/preload.js', import.meta.url));
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

describe('one workflow run is one trace at the OTLP receiver', () => {
  let receiver: OtlpReceiver;
  let app: AppProcess;
  let world: ProjectOwner;
  const target = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
  );
  let targetUrl = '';

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/score`;
    app = await startPlatform({ ...tracingEnv(receiver), OTEL_BSP_SCHEDULE_DELAY: '100' });
    world = await projectOwner(app);
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
    target.close();
  });

  it('parents the HTTP call, each job, the task executions, the event hops and the child run in one trace', async () => {
    const client = clientOf(world.owner, app);
    const childId = await createWorkflow(client, world.projectId, {
      name: 'traced-child',
      tasks: [{ id: 'inner', type: 'noop' }],
    });
    const parentId = await createWorkflow(client, world.projectId, {
      name: 'traced-parent',
      tasks: [
        { id: 'fetch', type: 'http', params: { method: 'GET', url: targetUrl } },
        { id: 'call', type: 'workflow', dependsOn: ['fetch'], params: { workflowId: childId } },
      ],
    });
    const started = await client.call('POST', `/api/v1/workflows/${parentId}/runs`, {});
    const run = await waitForRun(client, started.body.id as string);
    expect(run.state).toBe('succeeded');
    const childRunId = (run.taskRuns as { taskId: string; outputs: { runId: string } }[]).find(
      (task) => task.taskId === 'call',
    )!.outputs.runId;

    const root = await waitFor(
      () => receiver.spans.find((span) => span.kind === SERVER && span.name === 'POST /api/v1/workflows/:id/runs'),
      { what: 'the server span of the run start' },
    );
    expect(root.parentSpanId ?? '').toBe('');
    // Spans arrive in batches as their work ends: wait for the child run's task and the parent's last event.
    const spans = await waitFor(
      () => {
        const found = receiver.trace(root.traceId);
        const childDone = found.some((span) => span.attributes['workflow.run.id'] === childRunId);
        const runSucceeded = found.some(
          (span) => span.name.startsWith('consume ') && span.name.includes('workflow-run.succeeded'),
        );
        return childDone && runSucceeded && orphans(found).length === 0 && found;
      },
      { what: 'the whole run in one trace', timeoutMs: 60_000 },
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const parentOf = (span: ReceivedSpan) => byId.get(span.parentSpanId ?? '');

    // The http task: its execution span, and the outbound request as its child.
    const fetchExecution = spans.find(
      (span) => span.name === 'execute http' && span.attributes['workflow.task.key'] === 'fetch',
    );
    expect(fetchExecution?.attributes['workflow.run.id']).toBe(run.id);
    const outbound = spans.find((span) => span.kind === CLIENT && span.parentSpanId === fetchExecution?.spanId);
    expect(String(outbound?.attributes['url.full'])).toBe(targetUrl);
    // The execution runs in its job's processing span, which is the child of the span that added the job.
    const job = parentOf(fetchExecution!);
    expect(job).toMatchObject({ kind: CONSUMER, name: expect.stringMatching(/^process /) });
    expect(parentOf(job!)).toMatchObject({ kind: PRODUCER, name: expect.stringMatching(/^send /) });

    // Every job is processed as the child of its send, every event consumed as the child of its publish.
    const consumers = spans.filter((span) => span.kind === CONSUMER);
    expect(consumers.filter((span) => span.name.startsWith('consume ')).length).toBeGreaterThan(0);
    for (const consumer of consumers) {
      const producer = parentOf(consumer);
      expect(producer?.kind).toBe(PRODUCER);
      expect(producer?.name.split(' ')[0]).toBe(consumer.name.startsWith('process ') ? 'send' : 'publish');
    }

    // The child run's task runs in the same trace, below the parent's `call` task job.
    const inner = spans.find(
      (span) => span.name === 'execute noop' && span.attributes['workflow.run.id'] === childRunId,
    );
    expect(inner).toBeDefined();
    expect(ancestors(inner!, parentOf).some((span) => span.spanId === root.spanId)).toBe(true);

    // The latency histogram's exemplars name traces the receiver holds, in the OpenMetrics format only.
    const scrape = await fetch(`${app.url}/metrics`, {
      headers: { accept: 'application/openmetrics-text; version=1.0.0' },
    });
    const exemplars = [
      ...(await scrape.text()).matchAll(
        /^http_server_request_duration_seconds_bucket\{.*\} \d+ # \{trace_id="([0-9a-f]{32})"/gm,
      ),
    ];
    expect(exemplars.map(([, traceId]) => traceId)).toContain(root.traceId);

    // PostgreSQL and Redis calls made inside the units of work are spans of the trace too.
    expect(
      spans.some(
        (span) => span.attributes['db.system.name'] === 'postgresql' || span.attributes['db.system'] === 'postgresql',
      ),
    ).toBe(true);
    expect(
      spans.some((span) => span.attributes['db.system.name'] === 'redis' || span.attributes['db.system'] === 'redis'),
    ).toBe(true);
  });
});

describe('spans still buffered when the process stops', () => {
  it('are sent during the graceful shutdown', async () => {
    const receiver = await OtlpReceiver.start();
    try {
      const app = await startPlatform({
        ...tracingEnv(receiver),
        // Far beyond the test: only the flush at shutdown can send the span.
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      });
      expect((await fetch(`${app.url}/api/v1/projects`)).status).toBe(401);
      await app.stop();
      expect(receiver.spans.map((span) => span.name)).toContain('GET /api/v1/projects');
    } finally {
      await receiver.close();
    }
  });
});

/** Spans whose parent is neither absent nor in the trace (not arrived yet, or wrongly parented). */
function orphans(spans: ReceivedSpan[]): ReceivedSpan[] {
  const ids = new Set(spans.map((span) => span.spanId));
  return spans.filter((span) => (span.parentSpanId ?? '') !== '' && !ids.has(span.parentSpanId!));
}

function ancestors(span: ReceivedSpan, parentOf: (span: ReceivedSpan) => ReceivedSpan | undefined): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  for (let next = parentOf(span); next !== undefined; next = parentOf(next)) chain.push(next);
  return chain;
}

/** The built app with the preload, exporting OTLP/HTTP JSON to `receiver`. */
function tracingEnv(receiver: OtlpReceiver): Record<string, string> {
  return {
    NODE_OPTIONS: `--import ${PRELOAD}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_SERVICE_NAME: 'mlops-platform-test',
  };
}
