import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@libs/ddd';
import { ChildRuns } from '../ports/child-runs.js';
import { RunControls } from '../services/run-controls.js';
import type { CancelChildRunsCommand } from './cancel-child-runs.command.js';

/**
 * A cancelled run cancels the child runs its `workflow` tasks started; their own cancellation
 * reaches their children in turn. A child that ended meanwhile refuses, which is the same outcome.
 */
@Injectable()
export class CancelChildRunsHandler {
  constructor(
    private readonly children: ChildRuns,
    private readonly controls: RunControls,
  ) {}

  async execute({ parentRunId }: CancelChildRunsCommand): Promise<void> {
    for (const childRunId of await this.children.unfinishedOf(parentRunId)) {
      try {
        await this.controls.apply(childRunId, 'cancel', `parent run ${parentRunId} was cancelled`);
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      }
    }
  }
}
