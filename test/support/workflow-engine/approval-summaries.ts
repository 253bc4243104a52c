import type { ApprovalSummary } from '../../../src/contexts/workflow-engine/application/ports/approval-queries.js';

let sequence = 0;

/** An approval request as the lists show it: pending in project-1, naming no approvers, unless `overrides` say otherwise. */
export function anApprovalSummary(overrides: Partial<ApprovalSummary> = {}): ApprovalSummary {
  sequence += 1;
  return {
    id: `approval-${String(sequence).padStart(4, '0')}`,
    projectId: 'project-1',
    runId: `run-${sequence}`,
    workflowId: 'workflow-1',
    workflowName: 'release',
    taskKey: 'gate',
    attempt: 1,
    status: 'pending',
    approvers: [],
    requestedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}
