import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { IntegrationEventHandler, type EnvelopeOf } from '@libs/messaging';
import type { EntityManager } from 'typeorm';
import { PROBE_RECORDED, type ProbeProducerEvents } from './probe-events.js';

@Injectable()
class OnProbeRecorded extends IntegrationEventHandler<ProbeProducerEvents, typeof PROBE_RECORDED> {
  readonly consumer = 'probe-consumer.on-probe-recorded';
  readonly eventType = PROBE_RECORDED;

  async handle(event: EnvelopeOf<ProbeProducerEvents, typeof PROBE_RECORDED>, manager: EntityManager): Promise<void> {
    // A plain INSERT: a second effect for the same key would fail loudly, not hide.
    await manager.query('INSERT INTO probe_consumer.effects (key, event_id, pid) VALUES ($1, $2, $3)', [
      event.payload.key,
      event.id,
      process.pid,
    ]);
  }
}

/** A context that records one effect row per probe event it handles. */
@Module({})
export class ProbeConsumerModule {
  static register(): DynamicModule {
    return { module: ProbeConsumerModule, providers: [OnProbeRecorded] };
  }
}
