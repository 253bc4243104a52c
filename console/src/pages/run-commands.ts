import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, problemText, type Schemas } from '../api/client';

interface Answer {
  readonly data?: Schemas['RunResponse'];
  readonly error?: unknown;
}

/**
 * What a person can do to a run from its page. A refusal's problem detail is kept for the page to
 * show; a rerun opens the new run; anything else reads the run again at once, without waiting for the poll.
 */
export function useRunCommands(runId: string, onChanged: () => void) {
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<string>();
  const onRun = { params: { path: { runId } } };

  async function settle(call: Promise<Answer>, opensNewRun = false) {
    const { data, error } = await call;
    setRefusal(error === undefined ? undefined : problemText(error));
    if (opensNewRun && data !== undefined) void navigate(`/runs/${data.id}`);
    else onChanged();
  }

  return {
    refusal,
    pause: () => settle(api.POST('/api/v1/workflow-runs/{runId}/pause', onRun)),
    resume: () => settle(api.POST('/api/v1/workflow-runs/{runId}/resume', onRun)),
    cancel: () => settle(api.POST('/api/v1/workflow-runs/{runId}/cancel', { ...onRun, body: {} })),
    rerun: (fromTask?: string) =>
      settle(api.POST('/api/v1/workflow-runs/{runId}/rerun', { ...onRun, body: { fromTask } }), true),
    retry: (taskKey: string) =>
      settle(
        api.POST('/api/v1/workflow-runs/{runId}/tasks/{taskId}/retry', {
          params: { path: { runId, taskId: taskKey } },
        }),
      ),
  };
}

export type RunCommands = ReturnType<typeof useRunCommands>;
