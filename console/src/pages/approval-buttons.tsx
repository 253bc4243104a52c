import { useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';

interface ApprovalButtonsProps {
  readonly runId: string;
  readonly taskKey: string;
  readonly onDecided: () => void;
}

/** Approve or reject a gate that waits for a person. */
export function ApprovalButtons({ runId, taskKey, onDecided }: ApprovalButtonsProps) {
  const [error, setError] = useState<string>();

  async function decide(decision: Schemas['ApprovalDecisionRequest']['decision']) {
    const { error } = await api.POST('/api/v1/workflow-runs/{runId}/tasks/{taskId}/approval', {
      params: { path: { runId, taskId: taskKey } },
      body: { decision },
    });
    setError(error === undefined ? undefined : problemText(error));
    onDecided();
  }

  return (
    <span className="approval-buttons">
      <button type="button" onClick={() => void decide('approve')}>
        Approve {taskKey}
      </button>
      <button type="button" className="danger" onClick={() => void decide('reject')}>
        Reject {taskKey}
      </button>
      {error !== undefined && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
