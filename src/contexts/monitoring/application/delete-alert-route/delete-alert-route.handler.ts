import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { AlertRouteRepository } from '../../domain/notifications/notifications.repository.js';
import type { DeleteAlertRouteCommand } from './delete-alert-route.command.js';

/** Deletes a route with its groups; notifications already recorded are still sent. */
@Injectable()
export class DeleteAlertRouteHandler {
  constructor(private readonly routes: AlertRouteRepository) {}

  async execute(command: DeleteAlertRouteCommand): Promise<void> {
    if (!(await this.routes.remove(command.projectId, command.routeId))) {
      throw new NotFoundError('Alert route', command.routeId);
    }
  }
}
