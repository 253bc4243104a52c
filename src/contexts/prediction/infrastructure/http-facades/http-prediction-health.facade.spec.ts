import { describe, expect, it } from '@jest/globals';
import { LoopbackFacadeTransport } from '@libs/testing';
import {
  PredictionHealthFacade,
  type DeploymentOverview,
  type VariantHealth,
  type VariantHealthQuery,
} from '../../contracts/prediction-health.facade.js';
import { PredictionHealthFacadeController } from '../../interface/http/internal/prediction-health-facade.controller.js';
import { HttpPredictionHealthFacade } from './http-prediction-health.facade.js';

class OwnerHealth extends PredictionHealthFacade {
  readonly queries: VariantHealthQuery[] = [];

  variantHealth(query: VariantHealthQuery): Promise<VariantHealth[]> {
    this.queries.push(query);
    return Promise.resolve([
      { projectId: 'p1', deploymentId: 'd1', variant: 'a', requests: 10, errors: 1, p99Seconds: 0.25 },
    ]);
  }

  deploymentsOf(projectId: string): Promise<DeploymentOverview[]> {
    return Promise.resolve(
      projectId === 'p1' ? [{ deploymentId: 'd1', projectId, name: 'churn', variants: ['a', 'b'] }] : [],
    );
  }
}

describe('HttpPredictionHealthFacade', () => {
  it('sends the window as dates, which the owner receives as dates, and answers its summaries', async () => {
    const owner = new OwnerHealth();
    const facade = new HttpPredictionHealthFacade(
      new LoopbackFacadeTransport([new PredictionHealthFacadeController(owner)]),
    );
    const query = { projectId: null, since: new Date('2026-12-07T09:00:00Z'), until: new Date('2026-12-07T10:00:00Z') };
    expect(await facade.variantHealth(query)).toEqual([
      { projectId: 'p1', deploymentId: 'd1', variant: 'a', requests: 10, errors: 1, p99Seconds: 0.25 },
    ]);
    expect(owner.queries).toEqual([query]);
    expect(owner.queries[0].since).toBeInstanceOf(Date);
    expect(await facade.deploymentsOf('p1')).toEqual([
      { deploymentId: 'd1', projectId: 'p1', name: 'churn', variants: ['a', 'b'] },
    ]);
    expect(await facade.deploymentsOf('p2')).toEqual([]);
  });
});
