import { AjvJsonSchemaValidator } from '../../../src/contexts/workflow-engine/infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from '../../../src/contexts/workflow-engine/infrastructure/adapters/cron-parser-calendar.js';
import { FixedClock } from './fixed-clock.js';
import { InMemoryWorkflowSchedules, InMemoryWorkflowTriggers } from './in-memory-activation-stores.js';
import { ImmediateRunTransaction } from './immediate-run-transaction.js';
import { FixedApproverProjects, InMemoryApprovalQueries } from './in-memory-approval-queries.js';
import { InMemoryExternalTaskLeases } from './in-memory-leases.js';
import { InMemoryChildRuns, InMemoryRunQueries } from './in-memory-run-queries.js';
import { InMemoryRuns } from './in-memory-runs.js';
import {
  InMemoryApprovalRequests,
  InMemoryTaskCache,
  InMemoryTaskLogs,
  InstantTaskOffers,
} from './in-memory-task-stores.js';
import { InMemoryWorkflowDefinitionRepository } from './in-memory-workflow-definition.repository.js';
import { RecordingTaskQueue } from './recording-queue.js';

/**
 * One set of fakes for every port of the workflow engine a handler may take: in-memory stores that
 * keep what was saved, enqueued, logged and closed, on one fixed clock. The JSON Schema validator
 * and the cron calendar are the real adapters: they are pure, and a fake would have to redo them.
 */
export function fakeEnginePorts() {
  const clock = new FixedClock();
  const definitions = new InMemoryWorkflowDefinitionRepository();
  const runs = new InMemoryRuns();
  return {
    clock,
    transaction: new ImmediateRunTransaction(),
    definitions,
    runs,
    queries: new InMemoryRunQueries(definitions, runs),
    children: new InMemoryChildRuns(runs),
    queue: new RecordingTaskQueue(),
    cache: new InMemoryTaskCache(),
    logs: new InMemoryTaskLogs(() => clock.now()),
    approvals: new InMemoryApprovalRequests(),
    approvalQueries: new InMemoryApprovalQueries(),
    approverProjects: new FixedApproverProjects(),
    leases: new InMemoryExternalTaskLeases(() => clock.now()),
    offers: new InstantTaskOffers(),
    schedules: new InMemoryWorkflowSchedules(),
    triggers: new InMemoryWorkflowTriggers(),
    calendar: new CronParserCalendar(),
    schemas: new AjvJsonSchemaValidator(),
  };
}

export type EngineFakes = ReturnType<typeof fakeEnginePorts>;
