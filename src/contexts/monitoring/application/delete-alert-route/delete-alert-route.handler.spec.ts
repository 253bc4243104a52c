import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { InMemoryRoutes } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, FakeUrlPolicy, OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { createAlertRoute } from '../../domain/notifications/alert-route.js';
import { DeleteAlertRouteHandler } from './delete-alert-route.handler.js';

describe('DeleteAlertRouteHandler', () => {
  it('deletes a route of the project, and answers 404 for another project’s', async () => {
    const routes = new InMemoryRoutes();
    const route = createAlertRoute(
      {
        projectId: PROJECT,
        name: 'r',
        receivers: [{ type: 'email', to: ['a@example.org'] }],
        createdBy: ACTOR,
        at: new Date(),
      },
      new FakeUrlPolicy(),
    );
    await routes.add(route);
    const deleting = new DeleteAlertRouteHandler(routes);
    await expect(deleting.execute({ projectId: OTHER_PROJECT, routeId: route.id })).rejects.toThrow(NotFoundError);
    await deleting.execute({ projectId: PROJECT, routeId: route.id });
    expect(routes.rows.size).toBe(0);
  });
});
