import { Injectable } from '@nestjs/common';
import { RunStarter } from '../services/run-starter.js';
import type { RunStarted, StartRunCommand } from './start-run.command.js';

/**
 * Starts a run by hand: a workflow version with checked params; its first tasks are enqueued after
 * the commit. A workflow with a concurrency limit admits the run through its policy.
 */
@Injectable()
export class StartRunHandler {
  constructor(private readonly starter: RunStarter) {}

  execute(command: StartRunCommand): Promise<RunStarted> {
    // A run started by hand has no trigger.
    return this.starter.start({ ...command, trigger: null });
  }
}
