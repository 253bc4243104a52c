import type { InferenceSession } from 'onnxruntime-node';

/** A session that was released after eviction: the caller loads the version again. */
export class ModelReleased extends Error {}

/**
 * A session and the runs using it. Evicted from the cache while a run is under way, it is
 * released when the last run ends, so eviction never fails a request in flight.
 */
export class LoadedModel {
  private running = 0;
  private retired = false;
  private released = false;

  constructor(
    readonly session: InferenceSession,
    readonly sizeBytes: number,
  ) {}

  async use<T>(work: (session: InferenceSession) => Promise<T>): Promise<T> {
    if (this.released) throw new ModelReleased();
    this.running += 1;
    try {
      return await work(this.session);
    } finally {
      this.running -= 1;
      if (this.retired && this.running === 0) await this.release();
    }
  }

  /** Called on eviction: releases now when idle, else after the last run. */
  async retire(): Promise<void> {
    this.retired = true;
    if (this.running === 0) await this.release();
  }

  private async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.session.release();
  }
}
