import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/platform-config.js';
import { RequestContext } from '../runtime/request-context.js';

/** JSON logs, one line per event, stamped with the request and actor in scope. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'mlops-platform' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.password'],
      censor: '[redacted]',
    },
    mixin() {
      const context = RequestContext.current();
      if (!context) return {};
      return {
        requestId: context.requestId,
        correlationId: context.correlationId,
        // The trace id of a W3C traceparent (version-traceid-spanid-flags), to find a whole trace's lines.
        traceId: context.traceparent?.split('-')[1],
        actor: context.actor,
      };
    },
  });
}
