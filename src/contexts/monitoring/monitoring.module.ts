import { Module, type DynamicModule } from '@nestjs/common';
import type { ContextModuleOptions } from '@libs/platform';
import { AlertRulesController } from './interface/http/alert-rules.controller.js';
import { AlertRoutingController } from './interface/http/alert-routing.controller.js';
import { AlertsController } from './interface/http/alerts.controller.js';
import { InhibitionRulesController } from './interface/http/inhibition-rules.controller.js';
import { MonitoringStatusController } from './interface/http/monitoring-status.controller.js';
import { SloSuggestionsController } from './interface/http/slo-suggestions.controller.js';
import { LogsController } from './interface/http/logs.controller.js';
import { AlertRuleExportController } from './interface/http/alert-rule-export.controller.js';
import { GlobalAlertRulesController } from './interface/http/global-alert-rules.controller.js';
import { WebhookDeliveriesController } from './interface/http/webhook-deliveries.controller.js';
import { WebhooksController } from './interface/http/webhooks.controller.js';
import { monitoringProviders } from './monitoring.providers.js';

const CONTROLLERS = [
  WebhooksController,
  WebhookDeliveriesController,
  AlertRulesController,
  GlobalAlertRulesController,
  AlertsController,
  AlertRoutingController,
  InhibitionRulesController,
  MonitoringStatusController,
  SloSuggestionsController,
  LogsController,
  AlertRuleExportController,
];

/** The monitoring context: metrics, traces, log search, alert rules, alert history, notification channels, dashboards. */
@Module({})
export class MonitoringModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: MonitoringModule,
      controllers: options.http ? CONTROLLERS : [],
      providers: monitoringProviders(options),
    };
  }
}
