export interface DeleteAlertRouteCommand {
  readonly projectId: string;
  readonly routeId: string;
}
