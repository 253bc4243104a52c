import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeadLettersController } from '../admin/dead-letters.controller.js';
import { OutboxDoorbell } from '../outbox/outbox-doorbell.js';
import { MessagingRuntime } from './messaging-runtime.js';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options.js';
import { messagingMetricProviders, PrometheusMessagingMetrics } from './prometheus-messaging-metrics.js';

/** The integration-event bus of ARCHITECTURE section 3, for the contexts this process hosts. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: options.http ? [DeadLettersController] : [],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        ...messagingMetricProviders,
        PrometheusMessagingMetrics,
        MessagingRuntime,
        {
          provide: OutboxDoorbell,
          useFactory: (runtime: MessagingRuntime) => runtime.doorbell,
          inject: [MessagingRuntime],
        },
      ],
      exports: [OutboxDoorbell],
    };
  }
}
