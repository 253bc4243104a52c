import { describe, expect, it } from '@jest/globals';
import { InMemoryRoutes } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, FakeUrlPolicy, OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { createAlertRoute } from '../../domain/notifications/alert-route.js';
import { ListAlertRoutesHandler } from './list-alert-routes.handler.js';

describe('ListAlertRoutesHandler', () => {
  it('answers the project’s routes only', async () => {
    const routes = new InMemoryRoutes();
    const route = (projectId: string) =>
      createAlertRoute(
        {
          projectId,
          name: 'r',
          receivers: [{ type: 'email', to: ['a@example.org'] }],
          createdBy: ACTOR,
          at: new Date(),
        },
        new FakeUrlPolicy(),
      );
    const mine = route(PROJECT);
    await routes.add(mine);
    await routes.add(route(OTHER_PROJECT));
    expect(await new ListAlertRoutesHandler(routes).execute({ projectId: PROJECT })).toEqual([mine]);
  });
});
