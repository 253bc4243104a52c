import { EventEmitter } from 'node:events';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { TaskOffers } from '../../application/ports/task-offers.js';

/**
 * Wakes the claims waiting in this process. Claims waiting in other instances find the offer at
 * their next recheck (ClaimExternalTaskHandler), which bounds the delay without a broker round trip.
 */
@Injectable()
export class InProcessTaskOffers extends TaskOffers implements BeforeApplicationShutdown {
  private readonly events = new EventEmitter().setMaxListeners(0);
  private closing = false;

  announce(): void {
    this.events.emit('offer');
  }

  next(maxMs: number): Promise<boolean> {
    if (this.closing) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.events.off('offer', done);
        resolve(!this.closing);
      };
      const timer = setTimeout(done, maxMs);
      this.events.once('offer', done);
    });
  }

  // Long polls would hold the shutdown for up to their wait; they answer "nothing yet" instead.
  beforeApplicationShutdown(): void {
    this.closing = true;
    this.events.emit('offer');
  }
}
