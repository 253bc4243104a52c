import { LogSource, type LogRecord, type LogSearchCriteria } from '@libs/platform';

/**
 * An owner's log source for specs of a log source's HTTP binding: it answers `records`, and keeps the
 * criteria and cutoffs it was given, so a spec sees what crossed the wire (dates as dates).
 */
export class RecordingLogSource extends LogSource {
  readonly searches: LogSearchCriteria[] = [];
  readonly cutoffs: Date[] = [];

  constructor(
    readonly source: string,
    private readonly records: readonly LogRecord[],
    private readonly pruned: number,
  ) {
    super();
  }

  search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    this.searches.push(criteria);
    return Promise.resolve(this.records);
  }

  pruneBefore(cutoff: Date): Promise<number> {
    this.cutoffs.push(cutoff);
    return Promise.resolve(this.pruned);
  }
}
