import { Module, type DynamicModule } from '@nestjs/common';

/** The monitoring context: metrics, traces, log search, alert rules, alert history, notification channels, dashboards. */
@Module({})
export class MonitoringModule {
  static register(): DynamicModule {
    return { module: MonitoringModule };
  }
}
