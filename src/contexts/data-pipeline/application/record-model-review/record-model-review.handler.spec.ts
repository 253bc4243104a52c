import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordModelReviewHandler } from './record-model-review.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';

describe('RecordModelReviewHandler', () => {
  it('adds each decision to the version’s approvals facet, once per review', async () => {
    const ports = fakeLineagePorts();
    await ports.graph.recordNode({ type: 'model-version', id: 'v-1', projectId: PROJECT, name: 'v', facets: {} });
    const handler = new RecordModelReviewHandler(ports.graph);
    const rejected = {
      projectId: PROJECT,
      versionId: 'v-1',
      decidedBy: 'ann',
      comment: 'no',
      at: '2026-01-01T00:00:00Z',
    } as const;

    await handler.execute({ ...rejected, reviewId: 'event-1', decision: 'Rejected' });
    await handler.execute({ ...rejected, reviewId: 'event-1', decision: 'Rejected' });
    await handler.execute({ ...rejected, reviewId: 'event-2', decision: 'Approved', comment: 'ok' });

    const node = await ports.graph.find({ type: 'model-version', id: 'v-1' });
    expect(node?.facets.approvals).toEqual({
      'event-1': { decision: 'Rejected', decidedBy: 'ann', comment: 'no', at: '2026-01-01T00:00:00Z' },
      'event-2': { decision: 'Approved', decidedBy: 'ann', comment: 'ok', at: '2026-01-01T00:00:00Z' },
    });
  });

  it('keeps a decision delivered before the version it is about, when the version arrives', async () => {
    const ports = fakeLineagePorts();
    const handler = new RecordModelReviewHandler(ports.graph);

    await handler.execute({
      projectId: PROJECT,
      versionId: 'v-9',
      reviewId: 'event-1',
      decision: 'Approved',
      decidedBy: 'ann',
      comment: '',
      at: 't',
    });
    await ports.graph.recordNode({ type: 'model-version', id: 'v-9', projectId: PROJECT, name: 'v 9', facets: {} });

    expect(await ports.graph.find({ type: 'model-version', id: 'v-9' })).toMatchObject({
      name: 'v 9',
      facets: { approvals: { 'event-1': expect.objectContaining({ decision: 'Approved' }) } },
    });
  });
});
