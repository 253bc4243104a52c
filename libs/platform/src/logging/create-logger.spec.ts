import { describe, expect, it } from '@jest/globals';
import { createLogger } from './create-logger.js';

function linesOf(log: (logger: ReturnType<typeof createLogger>) => void): string {
  let written = '';
  log(createLogger('info', { write: (line: string) => void (written += line) }));
  return written;
}

describe('createLogger', () => {
  it('keeps a failed query’s parameters out of the log line, but not the error itself', () => {
    const failed = Object.assign(new Error('duplicate key value'), {
      query: 'INSERT INTO users (email) VALUES ($1)',
      parameters: ['someone@example.com'],
    });
    const line = linesOf((logger) => logger.error({ err: failed }, 'request failed'));
    expect(line).toContain('duplicate key value');
    expect(line).not.toContain('someone@example.com');
  });

  it('redacts authorization headers and passwords', () => {
    const line = linesOf((logger) =>
      logger.info({ req: { headers: { authorization: 'Bearer secret-token' } }, body: { password: 'hunter2' } }),
    );
    expect(line).not.toContain('secret-token');
    expect(line).not.toContain('hunter2');
  });
});
