import type { PipelineRunState, StepProgress } from '../../domain/pipeline/pipeline-run.js';
import type { PipelineWorkspace } from '../ports/pipeline-workspaces.js';
import type { TableFile } from '../ports/query-engine.js';
import type { StepChange } from './pipeline-run-progress.js';

/** What a step runs with: its run, the run's files, the tables earlier steps wrote, and what it recorded on an earlier try. */
export interface StepContext {
  readonly run: PipelineRunState;
  readonly workspace: PipelineWorkspace;
  readonly tables: ReadonlyMap<string, TableFile>;
  readonly recorded: StepProgress;
}

/** A finished step: the table it passes on (none for a load) and its progress to record. */
export interface StepOutcome {
  readonly table?: TableFile;
  readonly change: StepChange;
  readonly consumed?: readonly string[];
}

export function tableOf(context: StepContext, step: string): TableFile {
  const table = context.tables.get(step);
  if (!table) throw new Error(`Step ${step} left no table`);
  return table;
}
