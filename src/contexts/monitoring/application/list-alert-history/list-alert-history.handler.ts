import { Injectable } from '@nestjs/common';
import { ValidationError } from '@libs/ddd';
import { AlertRepository, type TransitionPage } from '../../domain/alerts/alert.repository.js';
import type { ListAlertHistoryQuery } from './list-alert-history.query.js';

@Injectable()
export class ListAlertHistoryHandler {
  constructor(private readonly alerts: AlertRepository) {}

  async execute(query: ListAlertHistoryQuery): Promise<TransitionPage> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new ValidationError('from must not be after to', [{ field: 'from', message: 'is after to' }]);
    }
    return this.alerts.history(query);
  }
}
