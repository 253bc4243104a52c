import { Injectable } from '@nestjs/common';
import { ValidationError } from '@libs/ddd';
import type { VariantHealth } from '../../contracts/prediction-health.facade.js';
import { VariantHealthReader } from '../ports/variant-health-reader.js';
import type { ReadVariantHealthQuery } from './read-variant-health.query.js';

/** Per deployment and variant: how many primary answers, how many failed, and their p99 latency. */
@Injectable()
export class ReadVariantHealthHandler {
  constructor(private readonly reader: VariantHealthReader) {}

  async execute(query: ReadVariantHealthQuery): Promise<VariantHealth[]> {
    if (!(query.since.getTime() < query.until.getTime())) {
      throw new ValidationError('the window must end after it starts');
    }
    return this.reader.read(query);
  }
}
