import { Injectable } from '@nestjs/common';
import { RunControls } from '../services/run-controls.js';
import type { ControlRunCommand } from './control-run.command.js';

/** A person cancels, pauses or resumes a run. */
@Injectable()
export class ControlRunHandler {
  constructor(private readonly controls: RunControls) {}

  execute({ runId, action, reason }: ControlRunCommand): Promise<void> {
    return this.controls.apply(runId, action, reason);
  }
}
