import { Injectable } from '@nestjs/common';
import { TrafficRandom } from '../application/ports/traffic-random.js';

/** Math.random: a split needs spread, not secrecy. */
@Injectable()
export class MathTrafficRandom extends TrafficRandom {
  next(): number {
    return Math.random();
  }
}
