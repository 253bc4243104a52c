import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import pg from 'pg';
import { tracePostgresQueries } from '../../../src/tracing/postgres-query-spans.js';
import { InMemoryTracing, isChildOf } from '../../support/tracing/in-memory-tracing.js';

describe("the platform's PostgreSQL query spans (in-memory exporter, this worker's database)", () => {
  const tracing = new InMemoryTracing();
  const tracer = trace.getTracer('test');
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  let pool: pg.Pool;

  beforeAll(() => {
    tracing.start();
    tracePostgresQueries(pg.Client);
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  });
  beforeEach(() => tracing.reset());
  afterAll(async () => {
    await pool.end();
    await tracing.stop();
  });

  /** Runs `work` in a span `unit`, ended when the work settles. */
  async function inUnit<T>(work: () => Promise<T>): Promise<T> {
    const unit = tracer.startSpan('unit');
    try {
      return await context.with(trace.setSpan(context.active(), unit), work);
    } finally {
      unit.end();
    }
  }

  it('makes a client span of a query run in a span, with the statement without its select list', async () => {
    const client = await pool.connect();
    try {
      const result = await inUnit(() =>
        client.query('SELECT 1 AS "one", 2 AS "two" FROM pg_class WHERE oid = $1', [1259]),
      );
      expect(result.rows).toEqual([{ one: 1, two: 2 }]);
    } finally {
      client.release();
    }
    const span = tracing.span(`pg.query:SELECT ${database}`);
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(isChildOf(span, tracing.span('unit'))).toBe(true);
    expect(span.attributes).toMatchObject({
      'db.system.name': 'postgresql',
      'db.namespace': database,
      'db.query.text': 'SELECT … FROM pg_class WHERE oid = $1',
    });
    expect(typeof span.attributes['server.port']).toBe('number');
  });

  it("runs a callback query's callback in the caller's span and ends the query span before it", async () => {
    const seen = await inUnit(
      () =>
        new Promise<{ active: string | undefined; ended: number }>((resolve, reject) =>
          pool.query('SELECT 1', (error) =>
            error
              ? reject(error)
              : resolve({
                  active: trace.getActiveSpan()?.spanContext().spanId,
                  ended: tracing.spans.filter((span) => span.name.startsWith('pg.query:')).length,
                }),
          ),
        ),
    );
    expect(seen).toEqual({ active: tracing.span('unit').spanContext().spanId, ended: 1 });
  });

  it('makes no span for a query outside any span', async () => {
    await pool.query('SELECT 1');
    expect(tracing.spans).toEqual([]);
  });

  it("marks a failed query with its SQLSTATE, not its message, and still rejects the caller's promise", async () => {
    await expect(inUnit(() => pool.query('SELECT $1::int', ['secret-value']))).rejects.toMatchObject({
      code: '22P02',
    });
    const span = tracing.span(`pg.query:SELECT ${database}`);
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'PostgreSQL error 22P02' });
    expect(span.attributes).toMatchObject({ 'error.type': '22P02', 'db.response.status_code': '22P02' });
    expect(JSON.stringify(span.attributes)).not.toContain('secret-value');
  });
});
