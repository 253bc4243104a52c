import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@libs/ddd';
import { ControlRunCommand } from '../control-run/control-run.command.js';
import { ControlRunHandler } from '../control-run/control-run.handler.js';
import { ChildRuns } from '../ports/child-runs.js';

/**
 * A cancelled run cancels the child runs its `workflow` tasks started; their own cancellation
 * reaches their children in turn. A child that ended meanwhile refuses, which is the same outcome.
 */
@Injectable()
export class CancelChildRunsHandler {
  constructor(
    private readonly children: ChildRuns,
    private readonly control: ControlRunHandler,
  ) {}

  async execute(parentRunId: string): Promise<void> {
    for (const childRunId of await this.children.unfinishedOf(parentRunId)) {
      try {
        await this.control.execute(
          new ControlRunCommand(childRunId, 'cancel', `parent run ${parentRunId} was cancelled`),
        );
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      }
    }
  }
}
