import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { queryTextWithoutSelectList } from './query-text.js';

const tracer = trace.getTracer('mlops-platform.postgres');

/** What the patch needs of `pg`'s Client class: its query method. */
export interface PgClientClass {
  prototype: {
    query: (...args: unknown[]) => unknown;
  };
}

interface ConnectionParameters {
  readonly database?: string;
  readonly host?: string;
  readonly port?: number;
}

type QueryCallback = (this: unknown, error: Error | null | undefined, result: unknown) => unknown;

/**
 * Makes a CLIENT span of each `pg` query run inside a span (ADR 0602): `pg.query:<OPERATION> <db>`
 * with the stable database conventions' attributes and the statement without its select list.
 * It takes the place of the `pg` instrumentation, which cost ~2-3x this per query (measured with
 * the same spans): a wrapper promise and two more around every promise a query returns, a
 * request-hook call building connection and query objects, and pool-metric listeners on every
 * checkout. No pool-connect spans, no spans outside a unit of work (BullMQ's and the pollers'
 * background queries would be one-span traces), none for submittables (COPY streams, cursors).
 * `pg` is CommonJS: patching its Client before the app loads it reaches every `import pg`.
 */
export function tracePostgresQueries(client: PgClientClass): void {
  const query = client.prototype.query;
  client.prototype.query = function tracedQuery(this: { connectionParameters: ConnectionParameters }, ...args) {
    const parent = context.active();
    const text = statementOf(args[0]);
    if (text === undefined || trace.getSpan(parent) === undefined) return query.apply(this, args);
    const span = tracer.startSpan(
      spanName(args[0], text, this.connectionParameters.database),
      { kind: SpanKind.CLIENT, attributes: queryAttributes(this.connectionParameters, text) },
      parent,
    );
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      // pg-pool's query passes one; it runs where the answer arrived, so it is put back in the caller's context.
      const answered: QueryCallback = function (this: unknown, error, result) {
        endQuerySpan(span, error);
        return (callback as QueryCallback).call(this, error, result);
      };
      args[last] = context.bind(parent, answered);
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    // Ends the span beside the caller's own handlers: the caller still gets the query's promise and its rejection.
    if (result instanceof Promise)
      result.then(
        () => endQuerySpan(span),
        (error: Error) => endQuerySpan(span, error),
      );
    else span.end();
    return result;
  };
}

/** The statement of a text query or a query config; none for a submittable or a config carrying its own callback. */
function statementOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (typeof config !== 'object' || config === null) return undefined;
  const { text, submit, callback } = config as { text?: unknown; submit?: unknown; callback?: unknown };
  return typeof text === 'string' && typeof submit !== 'function' && typeof callback !== 'function' ? text : undefined;
}

/** `pg.query:SELECT <db>`, or the prepared statement's name: low-cardinality, as the `pg` instrumentation named them. */
function spanName(config: unknown, text: string, database: string | undefined): string {
  const name = (config as { name?: unknown }).name;
  const operation = typeof name === 'string' && name !== '' ? name : operationOf(text);
  return database === undefined ? `pg.query:${operation}` : `pg.query:${operation} ${database}`;
}

function operationOf(text: string): string {
  const trimmed = text.trimStart();
  const end = trimmed.search(/[\s;]/);
  return (end === -1 ? trimmed : trimmed.slice(0, end)).toUpperCase();
}

function queryAttributes(connection: ConnectionParameters, text: string): Attributes {
  return {
    'db.system.name': 'postgresql',
    'db.namespace': connection.database,
    'server.address': connection.host,
    'server.port': connection.port,
    'db.query.text': queryTextWithoutSelectList(text),
  };
}

/** A failed query: its SQLSTATE as `error.type` and `db.response.status_code`; never the message, which may quote values. */
function endQuerySpan(span: Span, error?: Error | null): void {
  if (error) {
    const code = (error as { code?: unknown }).code;
    const type = typeof code === 'string' ? code : error.name;
    span.setAttributes({ 'error.type': type, ...(typeof code === 'string' && { 'db.response.status_code': code }) });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `PostgreSQL error ${type}` });
  }
  span.end();
}
