/** One round of the notifier: every route's groups, each route held by one notifier at a time. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a round takes nothing but the clock
export interface NotifyAlertGroupsCommand {}

export interface NotificationRound {
  readonly notifications: number;
}
