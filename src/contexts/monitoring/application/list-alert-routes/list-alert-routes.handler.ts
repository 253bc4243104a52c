import { Injectable } from '@nestjs/common';
import type { ListedAlertRoute } from '../../domain/notifications/alert-route.js';
import { AlertRouteRepository } from '../../domain/notifications/notifications.repository.js';
import type { ListAlertRoutesQuery } from './list-alert-routes.query.js';

@Injectable()
export class ListAlertRoutesHandler {
  constructor(private readonly routes: AlertRouteRepository) {}

  execute(query: ListAlertRoutesQuery): Promise<ListedAlertRoute[]> {
    return this.routes.ofProject(query.projectId);
  }
}
