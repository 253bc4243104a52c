import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FixedLogSources, InMemoryLogSource } from '../../../../../test/support/monitoring/fake-log-ports.js';
import { OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { SearchLogsHandler } from './search-logs.handler.js';

const RUN = '0193a000-0000-7000-8000-0000000000f1';
const at = (second: number) => new Date(Date.UTC(2026, 11, 7, 0, 0, second));

function arrange() {
  const tasks = new InMemoryLogSource('task-run');
  const pipelines = new InMemoryLogSource('pipeline-run');
  const handler = new SearchLogsHandler(new FixedLogSources([tasks, pipelines]));
  return { tasks, pipelines, handler };
}

const base = { runId: RUN, taskId: null, attempt: null } as const;

describe('SearchLogsHandler', () => {
  it('merges the sources newest first and answers only the project’s lines', async () => {
    const { tasks, pipelines, handler } = arrange();
    tasks.write({ ...base, projectId: PROJECT, at: at(1), level: 'info', message: 'started' });
    pipelines.write({ ...base, projectId: PROJECT, at: at(2), level: 'info', message: 'step raw started' });
    tasks.write({ ...base, projectId: PROJECT, at: at(3), level: 'error', message: 'failed: timeout' });
    tasks.write({ ...base, projectId: OTHER_PROJECT, at: at(4), level: 'error', message: 'secret of another project' });

    const page = await handler.execute({ projectId: PROJECT, limit: 10 });

    expect(page.items.map((item) => [item.source, item.message])).toEqual([
      ['task-run', 'failed: timeout'],
      ['pipeline-run', 'step raw started'],
      ['task-run', 'started'],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('passes the level as that level and the ones above, and blank text as no text', async () => {
    const { tasks, handler } = arrange();
    await handler.execute({ projectId: PROJECT, level: 'warn', text: '  ', limit: 5 });
    expect(tasks.asked[0]).toMatchObject({ levels: ['warn', 'error'], text: undefined, limit: 6 });
  });

  it('pages through every line exactly once, whatever the sources and instants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 4 })), { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        async (lines, limit) => {
          const { tasks, pipelines, handler } = arrange();
          for (const [inTasks, second] of lines) {
            (inTasks ? tasks : pipelines).write({
              ...base,
              projectId: PROJECT,
              at: at(second),
              level: 'info',
              message: 'x',
            });
          }
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await handler.execute({ projectId: PROJECT, limit, cursor });
            seen.push(...page.items.map((item) => `${item.source}/${item.seq}`));
            cursor = page.nextCursor ?? undefined;
          } while (cursor !== undefined);
          expect(seen).toHaveLength(lines.length);
          expect(new Set(seen).size).toBe(lines.length);
        },
      ),
    );
  });

  it('refuses a cursor it did not write and a window that ends before it starts', async () => {
    const { handler } = arrange();
    await expect(handler.execute({ projectId: PROJECT, limit: 5, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
      kind: 'validation',
      errors: [{ field: 'cursor' }],
    });
    await expect(handler.execute({ projectId: PROJECT, limit: 5, from: at(5), to: at(1) })).rejects.toMatchObject({
      kind: 'validation',
      errors: [{ field: 'from' }],
    });
  });
});
