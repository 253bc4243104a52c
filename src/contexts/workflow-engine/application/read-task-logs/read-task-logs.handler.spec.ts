import { describe, expect, it } from '@jest/globals';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ReadTaskLogsHandler } from './read-task-logs.handler.js';

async function arrange() {
  const ports = fakeEnginePorts();
  await ports.logs.append({ runId: 'run-1', key: 'train', attempt: 1 }, ['started', 'failed: out of memory']);
  await ports.logs.append({ runId: 'run-1', key: 'score', attempt: 1 }, ['started']);
  await ports.logs.append({ runId: 'run-1', key: 'train', attempt: 2 }, ['started', 'succeeded']);
  return new ReadTaskLogsHandler(ports.logs);
}

describe('ReadTaskLogsHandler', () => {
  it("answers one task run's lines of every attempt, oldest first, a page at a time", async () => {
    const handler = await arrange();
    const first = await handler.execute({ runId: 'run-1', key: 'train', limit: 3 });
    expect(first.items.map(({ attempt, line }) => `${attempt}: ${line}`)).toEqual([
      '1: started',
      '1: failed: out of memory',
      '2: started',
    ]);
    const rest = await handler.execute({
      runId: 'run-1',
      key: 'train',
      limit: 3,
      cursor: first.nextCursor ?? undefined,
    });
    expect(rest.items.map(({ line }) => line)).toEqual(['succeeded']);
    expect(rest.nextCursor).toBeNull();
  });

  it('keeps to one attempt when asked', async () => {
    const handler = await arrange();
    const page = await handler.execute({ runId: 'run-1', key: 'train', attempt: 2, limit: 10 });
    expect(page.items.map(({ attempt, line }) => [attempt, line])).toEqual([
      [2, 'started'],
      [2, 'succeeded'],
    ]);
  });
});
