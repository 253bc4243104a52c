import { Injectable } from '@nestjs/common';
import { IsRunRecordedHandler } from '../application/is-run-recorded/is-run-recorded.handler.js';
import { LineageFacade } from '../contracts/lineage.facade.js';

/** The in-process binding of the facade. */
@Injectable()
export class LocalLineageFacade extends LineageFacade {
  constructor(private readonly runs: IsRunRecordedHandler) {
    super();
  }

  knowsRun(runId: string): Promise<boolean> {
    return this.runs.execute({ runId });
  }
}
