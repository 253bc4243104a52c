// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a round takes nothing but the clock
export interface DeliverDueNotificationsCommand {}

export interface NotificationDeliveryRound {
  readonly claimed: number;
}
