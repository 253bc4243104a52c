import { Injectable } from '@nestjs/common';
import type { Alert } from '../../domain/alerts/alert.js';
import { AlertRepository } from '../../domain/alerts/alert.repository.js';
import type { ListCurrentAlertsQuery } from './list-current-alerts.query.js';

@Injectable()
export class ListCurrentAlertsHandler {
  constructor(private readonly alerts: AlertRepository) {}

  execute(query: ListCurrentAlertsQuery): Promise<Alert[]> {
    return this.alerts.current(query.projectId, query.state);
  }
}
