import type { Logger } from 'pino';

/**
 * Nest closes the application on SIGTERM/SIGINT (enableShutdownHooks); should a
 * dependency hang that close, this ends the process once the deadline passes so
 * an orchestrator is never left waiting on a zombie.
 */
export function enforceShutdownDeadline(timeoutMs: number, logger: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error({ signal, timeoutMs }, 'graceful shutdown did not finish in time; exiting');
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
