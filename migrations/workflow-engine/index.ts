import { CreateWorkflowEngineMessaging1764150000000 } from './1764150000000-create-workflow-engine-messaging.js';
import { CreateWorkflowTables1764200000000 } from './1764200000000-create-workflow-tables.js';
import { CreateExternalTaskLeases1764300000000 } from './1764300000000-create-external-task-leases.js';
import { CreateTaskLogLines1764400000000 } from './1764400000000-create-task-log-lines.js';
import { CreateApprovalRequests1764500000000 } from './1764500000000-create-approval-requests.js';
import { RecordRunActors1764600000000 } from './1764600000000-record-run-actors.js';
import { CreateSchedulesAndTriggers1764700000000 } from './1764700000000-create-schedules-and-triggers.js';
import { IndexChildRuns1764800000000 } from './1764800000000-index-child-runs.js';
import { AddWorkflowPausedAt1764900000000 } from './1764900000000-add-workflow-paused-at.js';
import { KeepWorkflowEnginePublishedOutboxRows1765000000000 } from './1765000000000-keep-workflow-engine-published-outbox-rows.js';
import { AddWaitingForApprovalState1765440000000 } from './1765440000000-add-waiting-for-approval-state.js';
import { KeepApprovalRequestHistory1765440000001 } from './1765440000001-keep-approval-request-history.js';
import { AddTaskLogLevelsAndTextSearch1765530000000 } from './1765530000000-add-task-log-levels-and-text-search.js';
import { NotifyWorkflowEngineRelaysAfterCommit1765620000000 } from './1765620000000-notify-workflow-engine-relays-after-commit.js';
import { RunRowsWithoutForeignKeyChecks1765710000000 } from './1765710000000-run-rows-without-foreign-key-checks.js';

/** Migrations of the `workflow_engine` schema, oldest first. */
export const workflowEngineMigrations = [
  CreateWorkflowEngineMessaging1764150000000,
  CreateWorkflowTables1764200000000,
  CreateExternalTaskLeases1764300000000,
  CreateTaskLogLines1764400000000,
  CreateApprovalRequests1764500000000,
  RecordRunActors1764600000000,
  CreateSchedulesAndTriggers1764700000000,
  IndexChildRuns1764800000000,
  AddWorkflowPausedAt1764900000000,
  KeepWorkflowEnginePublishedOutboxRows1765000000000,
  AddWaitingForApprovalState1765440000000,
  KeepApprovalRequestHistory1765440000001,
  AddTaskLogLevelsAndTextSearch1765530000000,
  NotifyWorkflowEngineRelaysAfterCommit1765620000000,
  RunRowsWithoutForeignKeyChecks1765710000000,
];
