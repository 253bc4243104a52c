import { Body, Controller, HttpCode, Module, Post, type DynamicModule } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Outbox } from '@libs/messaging';
import { Public, type ContextModuleOptions } from '@libs/platform';
import { IsString, Length } from 'class-validator';
import type { DataSource } from 'typeorm';
import { PROBE_RECORDED, type ProbeProducerEvents } from './probe-events.js';

class ProbeOutbox extends Outbox<ProbeProducerEvents> {
  constructor() {
    super('probe-producer', 'probe_producer');
  }
}

class RecordProbeRequest {
  @IsString()
  @Length(1, 100)
  key!: string;
}

// The probes exercise the bus, not authentication; every process still runs the global guard.
@Public()
@Controller('probes')
class ProbesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: ProbeOutbox,
  ) {}

  @Post()
  @HttpCode(202)
  async record(@Body() request: RecordProbeRequest): Promise<{ eventId: string }> {
    const event = await this.dataSource.transaction((manager) =>
      this.outbox.publish(manager, PROBE_RECORDED, { key: request.key }, { aggregateId: request.key }),
    );
    return { eventId: event.id };
  }
}

/** A context that publishes one event per POST, through the real outbox. */
@Module({})
export class ProbeProducerModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: ProbeProducerModule,
      controllers: options.http ? [ProbesController] : [],
      providers: [ProbeOutbox],
    };
  }
}
