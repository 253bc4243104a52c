/**
 * The start of an attempt that a first delivery began executing without recording (docs/adr/0203):
 * an attempt that ends within `recordAfterMs` has its start recorded with its outcome, in one write;
 * one that runs longer has it recorded on its own then, so a long task shows running as it did.
 */
export class UnrecordedStart {
  private recording?: Promise<boolean>;
  private readonly timer: NodeJS.Timeout;

  /** `record` records the start and answers whether it did (false: the attempt is stale, or it failed). */
  constructor(
    private readonly startedAt: Date,
    record: () => Promise<boolean>,
    recordAfterMs: number,
  ) {
    this.timer = setTimeout(() => {
      this.recording = record().catch(() => false);
    }, recordAfterMs);
  }

  /**
   * The start for the outcome to record, or undefined when it was recorded on its own (after that
   * write ended). A start that could not be recorded goes with the outcome, which refuses it if stale.
   */
  async forOutcome(): Promise<Date | undefined> {
    clearTimeout(this.timer);
    if (this.recording === undefined) return this.startedAt;
    return (await this.recording) ? undefined : this.startedAt;
  }

  /** Executing ended (with an outcome or not): the start is no longer recorded on its own. */
  executionEnded(): void {
    clearTimeout(this.timer);
  }
}
