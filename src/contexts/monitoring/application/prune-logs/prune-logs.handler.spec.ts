import { describe, expect, it } from '@jest/globals';
import {
  FixedLogSettings,
  FixedLogSources,
  InMemoryLogSource,
} from '../../../../../test/support/monitoring/fake-log-ports.js';
import { PROJECT, SettableClock } from '../../../../../test/support/monitoring/fake-ports.js';
import { PruneLogsHandler } from './prune-logs.handler.js';

const DAY = 86_400_000;

describe('PruneLogsHandler', () => {
  it('deletes in every source the lines older than the retention, and keeps the rest', async () => {
    const clock = new SettableClock(new Date('2026-12-07T00:00:00Z'));
    const tasks = new InMemoryLogSource('task-run');
    const batches = new InMemoryLogSource('batch-prediction');
    const line = (daysAgo: number) => ({
      projectId: PROJECT,
      runId: 'run',
      taskId: null,
      attempt: null,
      level: 'info' as const,
      message: `${daysAgo} days ago`,
      at: new Date(clock.now().getTime() - daysAgo * DAY),
    });
    tasks.write(line(8));
    tasks.write(line(6));
    batches.write(line(10));
    const handler = new PruneLogsHandler(new FixedLogSources([tasks, batches]), new FixedLogSettings(7), clock);

    expect(await handler.execute({})).toEqual({ 'task-run': 1, 'batch-prediction': 1 });
    expect(tasks.lines.map((kept) => kept.message)).toEqual(['6 days ago']);
    expect(batches.lines).toEqual([]);
  });
});
