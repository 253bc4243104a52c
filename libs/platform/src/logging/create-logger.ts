import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/platform-config.js';
import { RequestContext } from '../runtime/request-context.js';

/** JSON logs, one line per event, stamped with the request and actor in scope; stdout unless told. */
export function createLogger(level: LogLevel, destination: DestinationStream = pino.destination(1)): Logger {
  return pino(
    {
      level,
      base: { service: 'mlops-platform' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        // A failed query's parameters (TypeORM's QueryFailedError) hold what users sent: emails, hashes, tokens.
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers.cookie',
          '*.password',
          'err.parameters',
        ],
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
    },
    destination,
  );
}
