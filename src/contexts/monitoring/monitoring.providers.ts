import type { Provider, Type } from '@nestjs/common';
import { outboxEventPublisher } from '@libs/messaging';
import { OutboundBreakers, OutboundPolicy, readOutboundRules } from '@libs/outbound';
import { AmbientTransaction, OutboundBreakerMetrics, type ContextModuleOptions } from '@libs/platform';
import { CreateInhibitionRuleHandler } from './application/create-inhibition-rule/create-inhibition-rule.handler.js';
import { DeleteInhibitionRuleHandler } from './application/delete-inhibition-rule/delete-inhibition-rule.handler.js';
import { AcceptSloSuggestionHandler } from './application/accept-slo-suggestion/accept-slo-suggestion.handler.js';
import { SloSubjects } from './application/ports/slo-subjects.js';
import { SloSuggestions } from './application/services/slo-suggestions.js';
import { SuggestSloRulesHandler } from './application/suggest-slo-rules/suggest-slo-rules.handler.js';
import { FacadeSloSubjects } from './infrastructure/slo/facade-slo-subjects.js';
import { GetMonitoringStatusHandler } from './application/get-monitoring-status/get-monitoring-status.handler.js';
import { ListInhibitionRulesHandler } from './application/list-inhibition-rules/list-inhibition-rules.handler.js';
import { PostgresInhibitionRuleRepository } from './infrastructure/notifications/postgres-inhibition-rule.repository.js';
import { CreateAlertRouteHandler } from './application/create-alert-route/create-alert-route.handler.js';
import { CreateSilenceHandler } from './application/create-silence/create-silence.handler.js';
import { DeleteAlertRouteHandler } from './application/delete-alert-route/delete-alert-route.handler.js';
import { DeliverDueNotificationsHandler } from './application/deliver-due-notifications/deliver-due-notifications.handler.js';
import { ExpireSilenceHandler } from './application/expire-silence/expire-silence.handler.js';
import { ListAlertNotificationsHandler } from './application/list-alert-notifications/list-alert-notifications.handler.js';
import { ListAlertRoutesHandler } from './application/list-alert-routes/list-alert-routes.handler.js';
import { ListSilencesHandler } from './application/list-silences/list-silences.handler.js';
import { NotifyAlertGroupsHandler } from './application/notify-alert-groups/notify-alert-groups.handler.js';
import { EmailSender, SlackSender } from './application/ports/notification-sender.js';
import {
  AlertNotificationRepository,
  AlertRouteRepository,
  InhibitionRuleRepository,
  NotificationGroupRepository,
  SilenceRepository,
} from './domain/notifications/notifications.repository.js';
import { PostgresAlertNotificationRepository } from './infrastructure/notifications/postgres-alert-notification.repository.js';
import { PostgresAlertRouteRepository } from './infrastructure/notifications/postgres-alert-route.repository.js';
import { PostgresNotificationGroupRepository } from './infrastructure/notifications/postgres-notification-group.repository.js';
import { PostgresSilenceRepository } from './infrastructure/notifications/postgres-silence.repository.js';
import { SlackWebhookSender } from './infrastructure/notifications/slack-webhook-sender.js';
import { SmtpEmailSender } from './infrastructure/notifications/smtp-email-sender.js';
import { AlertNotificationPoller } from './interface/jobs/alert-notification.poller.js';
import { CreateAlertRuleHandler } from './application/create-alert-rule/create-alert-rule.handler.js';
import { DeleteAlertRuleHandler } from './application/delete-alert-rule/delete-alert-rule.handler.js';
import { GetAlertRuleHandler } from './application/get-alert-rule/get-alert-rule.handler.js';
import { ListAlertHistoryHandler } from './application/list-alert-history/list-alert-history.handler.js';
import { ListAlertRulesHandler } from './application/list-alert-rules/list-alert-rules.handler.js';
import { ListCurrentAlertsHandler } from './application/list-current-alerts/list-current-alerts.handler.js';
import { ProjectOfAlert, ProjectOfAlertRule } from './application/ports/project-of-alerting.js';
import { AlertRuleLookup } from './application/services/alert-rule-lookup.js';
import { UpdateAlertRuleHandler } from './application/update-alert-rule/update-alert-rule.handler.js';
import { PostgresProjectOfAlert, PostgresProjectOfAlertRule } from './infrastructure/alerting/project-of-alerting.js';
import { CreateWebhookHandler } from './application/create-webhook/create-webhook.handler.js';
import { DeleteWebhookHandler } from './application/delete-webhook/delete-webhook.handler.js';
import { DeliverDueWebhooksHandler } from './application/deliver-due-webhooks/deliver-due-webhooks.handler.js';
import { EvaluateDueAlertRulesHandler } from './application/evaluate-due-alert-rules/evaluate-due-alert-rules.handler.js';
import { GetWebhookHandler } from './application/get-webhook/get-webhook.handler.js';
import { ListWebhookDeliveriesHandler } from './application/list-webhook-deliveries/list-webhook-deliveries.handler.js';
import { ListWebhooksHandler } from './application/list-webhooks/list-webhooks.handler.js';
import { AlertingSettings } from './application/ports/alerting-settings.js';
import { Clock } from './application/ports/clock.js';
import { DeliveryMetrics } from './application/ports/delivery-metrics.js';
import { DeliverySettings } from './application/ports/delivery-settings.js';
import { ProjectOfWebhook } from './application/ports/project-of-webhook.js';
import { SignalProjections } from './application/ports/signal-projections.js';
import { SignalReader } from './application/ports/signal-reader.js';
import { Transaction } from './application/ports/transaction.js';
import { WebhookSecrets } from './application/ports/webhook-secrets.js';
import { WebhookSender, WebhookTargetAvailability } from './application/ports/webhook-sender.js';
import { RecordEventDeliveriesHandler } from './application/record-event-deliveries/record-event-deliveries.handler.js';
import { RecordSignalEventHandler } from './application/record-signal-event/record-signal-event.handler.js';
import { RotateWebhookSecretHandler } from './application/rotate-webhook-secret/rotate-webhook-secret.handler.js';
import { SendTestDeliveryHandler } from './application/send-test-delivery/send-test-delivery.handler.js';
import { WebhookLookup } from './application/services/webhook-lookup.js';
import { ConfiguredWebhookRules } from './application/services/webhook-rules.js';
import { UpdateWebhookHandler } from './application/update-webhook/update-webhook.handler.js';
import { AlertRuleRepository } from './domain/alerts/alert-rule.repository.js';
import { AlertRepository } from './domain/alerts/alert.repository.js';
import { PublishedEventCatalogue } from './domain/webhooks/published-event.catalogue.js';
import { WebhookDeliveryRepository } from './domain/webhooks/webhook-delivery.repository.js';
import { WebhookSubscriptionRepository } from './domain/webhooks/webhook-subscription.repository.js';
import { WebhookUrlPolicy } from './domain/webhooks/webhook-url.policy.js';
import { BusLagReader } from './infrastructure/alerting/bus-lag-reader.js';
import { OutboxBacklogReader } from './infrastructure/alerting/outbox-backlog-reader.js';
import { PredictionSignalReader } from './infrastructure/alerting/prediction-signal-reader.js';
import { QueueDepthReader } from './infrastructure/alerting/queue-depth-reader.js';
import { PostgresAlertRuleRepository } from './infrastructure/alerting/postgres-alert-rule.repository.js';
import { PostgresAlertRepository } from './infrastructure/alerting/postgres-alert.repository.js';
import { PostgresSignalProjections } from './infrastructure/alerting/postgres-signal-projections.js';
import { ProjectedSignalReader } from './infrastructure/alerting/projected-signal-reader.js';
import { ContractEventCatalogue, WEBHOOK_SOURCES } from './infrastructure/catalogue/contract-event-catalogue.js';
import { EnvAlertingSettings } from './infrastructure/config/alerting-settings.env.js';
import { PolicyWebhookUrlPolicy } from './infrastructure/config/policy-webhook-url.policy.js';
import { WebhookSettings } from './infrastructure/config/webhook-settings.js';
import {
  DELIVERY_METRIC_PROVIDERS,
  PrometheusDeliveryMetrics,
} from './infrastructure/metrics/prometheus-delivery-metrics.js';
import { RandomWebhookSecrets } from './infrastructure/delivery/random-webhook-secrets.js';
import { SignedWebhookSender } from './infrastructure/delivery/signed-webhook-sender.js';
import { WebhookBreakers } from './infrastructure/delivery/webhook-breakers.js';
import {
  BreakerGuardedEmailSender,
  BreakerGuardedSlackSender,
  BreakerGuardedWebhookSender,
} from './infrastructure/delivery/breaker-guarded-senders.js';
import { PostgresWebhookDeliveryRepository } from './infrastructure/persistence/postgres-webhook-delivery.repository.js';
import { PostgresWebhookSubscriptionRepository } from './infrastructure/persistence/postgres-webhook-subscription.repository.js';
import { PostgresProjectOfWebhook } from './infrastructure/persistence/project-of-webhook.js';
import { MonitoringSealedSecretStores } from './infrastructure/persistence/monitoring-sealed-secret-stores.js';
import { SystemClock } from './infrastructure/system-clock.js';
import { alertSignalConsumers } from './interface/events/alert-signal.consumer.js';
import { webhookFanOutConsumers } from './interface/events/webhook-fan-out.consumer.js';
import { AlertEvaluationPoller } from './interface/jobs/alert-evaluation.poller.js';
import { SearchLogsHandler } from './application/search-logs/search-logs.handler.js';
import { PruneLogsHandler } from './application/prune-logs/prune-logs.handler.js';
import { ExportAlertRulesHandler } from './application/export-alert-rules/export-alert-rules.handler.js';
import { LogSettings } from './application/ports/log-settings.js';
import { LogSources } from './application/ports/log-sources.js';
import { EnvLogSettings } from './infrastructure/config/log-settings.env.js';
import { HostedLogSources } from './infrastructure/logs/hosted-log-sources.js';
import { LogRetentionPoller } from './interface/jobs/log-retention.poller.js';
import { WebhookDeliveryPoller } from './interface/jobs/webhook-delivery.poller.js';

/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */
export const USE_CASES: Type[] = [
  CreateWebhookHandler,
  ListWebhooksHandler,
  GetWebhookHandler,
  UpdateWebhookHandler,
  DeleteWebhookHandler,
  RotateWebhookSecretHandler,
  SendTestDeliveryHandler,
  ListWebhookDeliveriesHandler,
  RecordEventDeliveriesHandler,
  DeliverDueWebhooksHandler,
  RecordSignalEventHandler,
  EvaluateDueAlertRulesHandler,
  CreateAlertRuleHandler,
  ListAlertRulesHandler,
  GetAlertRuleHandler,
  UpdateAlertRuleHandler,
  DeleteAlertRuleHandler,
  ListCurrentAlertsHandler,
  ListAlertHistoryHandler,
  CreateAlertRouteHandler,
  ListAlertRoutesHandler,
  DeleteAlertRouteHandler,
  CreateSilenceHandler,
  ListSilencesHandler,
  ExpireSilenceHandler,
  ListAlertNotificationsHandler,
  NotifyAlertGroupsHandler,
  DeliverDueNotificationsHandler,
  CreateInhibitionRuleHandler,
  ListInhibitionRulesHandler,
  DeleteInhibitionRuleHandler,
  GetMonitoringStatusHandler,
  SuggestSloRulesHandler,
  AcceptSloSuggestionHandler,
  SearchLogsHandler,
  PruneLogsHandler,
  ExportAlertRulesHandler,
];

/** The application services the use cases share. */
export const SERVICES: Type[] = [WebhookLookup, ConfiguredWebhookRules, AlertRuleLookup, SloSuggestions];

export const ADAPTERS: Provider[] = [
  // Read here, so a process that does not host monitoring needs none of the WEBHOOK_* settings.
  { provide: WebhookSettings, useFactory: () => WebhookSettings.fromEnv(process.env) },
  { provide: DeliverySettings, useExisting: WebhookSettings },
  { provide: OutboundPolicy, useFactory: () => new OutboundPolicy(readOutboundRules(process.env)) },
  {
    provide: WebhookUrlPolicy,
    useFactory: (policy: OutboundPolicy, settings: WebhookSettings) =>
      new PolicyWebhookUrlPolicy(policy, settings.allowHttp),
    inject: [OutboundPolicy, WebhookSettings],
  },
  {
    provide: WebhookBreakers,
    useFactory: (settings: WebhookSettings, metrics: OutboundBreakerMetrics) =>
      new WebhookBreakers(settings, {
        report: (labels, from, to) => metrics.changed(labels, from, to),
        forget: (labels) => metrics.forgotten(labels),
      }),
    inject: [WebhookSettings, OutboundBreakerMetrics],
  },
  { provide: WebhookTargetAvailability, useExisting: WebhookBreakers },
  {
    provide: WebhookSender,
    useFactory: (policy: OutboundPolicy, settings: WebhookSettings, breakers: WebhookBreakers) =>
      new BreakerGuardedWebhookSender(new SignedWebhookSender(policy, settings.requestTimeoutMs), breakers),
    inject: [OutboundPolicy, WebhookSettings, WebhookBreakers],
  },
  { provide: PublishedEventCatalogue, useClass: ContractEventCatalogue },
  { provide: WebhookSecrets, useClass: RandomWebhookSecrets },
  { provide: Clock, useClass: SystemClock },
  AmbientTransaction,
  { provide: Transaction, useExisting: AmbientTransaction },
  // Concrete as well as behind their ports: they are also the stores of sealed secrets to re-seal.
  PostgresWebhookSubscriptionRepository,
  { provide: WebhookSubscriptionRepository, useExisting: PostgresWebhookSubscriptionRepository },
  { provide: WebhookDeliveryRepository, useClass: PostgresWebhookDeliveryRepository },
  { provide: ProjectOfWebhook, useClass: PostgresProjectOfWebhook },
  ...DELIVERY_METRIC_PROVIDERS,
  { provide: DeliveryMetrics, useClass: PrometheusDeliveryMetrics },
  { provide: EnvAlertingSettings, useFactory: () => EnvAlertingSettings.fromEnv(process.env) },
  { provide: AlertingSettings, useExisting: EnvAlertingSettings },
  PostgresAlertRouteRepository,
  { provide: AlertRouteRepository, useExisting: PostgresAlertRouteRepository },
  { provide: SilenceRepository, useClass: PostgresSilenceRepository },
  { provide: InhibitionRuleRepository, useClass: PostgresInhibitionRuleRepository },
  { provide: NotificationGroupRepository, useClass: PostgresNotificationGroupRepository },
  PostgresAlertNotificationRepository,
  { provide: AlertNotificationRepository, useExisting: PostgresAlertNotificationRepository },
  MonitoringSealedSecretStores,
  {
    provide: EmailSender,
    useFactory: (alerting: EnvAlertingSettings, webhooks: WebhookSettings, metrics: OutboundBreakerMetrics) => {
      const sender = new SmtpEmailSender(alerting.smtpUrl, alerting.emailFrom, webhooks.requestTimeoutMs);
      if (alerting.smtpUrl === undefined) return sender;
      // The server's one breaker, labelled without the URL's credentials.
      const server = new URL(alerting.smtpUrl);
      const breaker = new OutboundBreakers({
        dependency: 'smtp',
        settings: alerting.smtpBreaker,
        maxTargets: 1,
        report: (labels, from, to) => metrics.changed(labels, from, to),
      }).for(`${server.protocol}//${server.host}`);
      return new BreakerGuardedEmailSender(sender, breaker);
    },
    inject: [EnvAlertingSettings, WebhookSettings, OutboundBreakerMetrics],
  },
  {
    provide: SlackSender,
    useFactory: (policy: OutboundPolicy, settings: WebhookSettings, breakers: WebhookBreakers) =>
      new BreakerGuardedSlackSender(new SlackWebhookSender(policy, settings.requestTimeoutMs), breakers),
    inject: [OutboundPolicy, WebhookSettings, WebhookBreakers],
  },
  { provide: AlertRuleRepository, useClass: PostgresAlertRuleRepository },
  { provide: AlertRepository, useClass: PostgresAlertRepository },
  { provide: SignalProjections, useClass: PostgresSignalProjections },
  BusLagReader,
  OutboxBacklogReader,
  QueueDepthReader,
  PredictionSignalReader,
  { provide: SloSubjects, useClass: FacadeSloSubjects },
  { provide: SignalReader, useClass: ProjectedSignalReader },
  { provide: ProjectOfAlertRule, useClass: PostgresProjectOfAlertRule },
  { provide: ProjectOfAlert, useClass: PostgresProjectOfAlert },
  outboxEventPublisher({ source: 'monitoring', schema: 'monitoring' }),
  { provide: LogSettings, useFactory: () => EnvLogSettings.fromEnv(process.env) },
  { provide: LogSources, useClass: HostedLogSources },
];

/**
 * What worker processes run: the fan-out of every source context's events and the delivery poller,
 * the consumers that fill the alert signal tables and the alert evaluator.
 */
const WORKERS: Provider[] = [
  ...webhookFanOutConsumers([...WEBHOOK_SOURCES.keys()]),
  WebhookDeliveryPoller,
  ...alertSignalConsumers(),
  AlertEvaluationPoller,
  AlertNotificationPoller,
  LogRetentionPoller,
];

/** The context's providers for the roles this process plays (HTTP, workers, or both). */
export function monitoringProviders(options: ContextModuleOptions): Provider[] {
  return [...ADAPTERS, ...SERVICES, ...USE_CASES, ...(options.workers ? WORKERS : [])];
}
