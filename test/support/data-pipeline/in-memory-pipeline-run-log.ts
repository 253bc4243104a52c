import {
  PipelineRunLog,
  type PipelineRunLogLine,
} from '../../../src/contexts/data-pipeline/application/ports/pipeline-run-log.js';

/** The pipeline run log as a list, in the order written. */
export class InMemoryPipelineRunLog extends PipelineRunLog {
  readonly lines: PipelineRunLogLine[] = [];

  append(line: PipelineRunLogLine): Promise<void> {
    this.lines.push(line);
    return Promise.resolve();
  }

  /** The messages written about one run. */
  messagesOf(runId: string): string[] {
    return this.lines.filter((line) => line.runId === runId).map((line) => line.message);
  }
}
