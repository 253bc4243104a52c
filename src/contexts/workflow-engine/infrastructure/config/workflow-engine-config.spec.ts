import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@libs/platform';
import { readWorkflowEngineConfig } from './workflow-engine-config.js';

describe('the workflow engine settings', () => {
  it('reads named task queues as name=concurrency entries, none by default', () => {
    expect(readWorkflowEngineConfig({}).taskQueues.size).toBe(0);
    expect(readWorkflowEngineConfig({ WORKFLOW_TASK_QUEUES: '' }).taskQueues.size).toBe(0);
    const { taskQueues } = readWorkflowEngineConfig({ WORKFLOW_TASK_QUEUES: 'gpu=1, etl-nightly=8' });
    expect([...taskQueues]).toEqual([
      ['gpu', 1],
      ['etl-nightly', 8],
    ]);
  });

  it('stops at a malformed queue entry, naming the variable', () => {
    for (const entry of ['gpu', 'gpu=0', 'GPU=1', 'gpu=abc', 'gpu=10000']) {
      expect(() => readWorkflowEngineConfig({ WORKFLOW_TASK_QUEUES: entry })).toThrow(ConfigError);
      expect(() => readWorkflowEngineConfig({ WORKFLOW_TASK_QUEUES: entry })).toThrow(/WORKFLOW_TASK_QUEUES/);
    }
  });
});
