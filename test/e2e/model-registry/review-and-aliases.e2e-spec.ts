import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RegistryWorld } from './registry-world.js';

describe('model review, aliases and promotion policies', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem();
  });
  afterAll(() => world?.close());

  const review = (as: RegistryWorld['owner'], versionId: string, decision: string, comment = 'reviewed') =>
    as.client.call('POST', `/api/v1/model-versions/${versionId}/approval`, { decision, comment });

  it('refuses approval by the registrant (four eyes) and keeps every decision of other approvers', async () => {
    const model = await world.model('four-eyes', {}, world.owner);
    const version = await world.version(model.id, {}, world.owner);
    expect((await world.upload(version.id, Buffer.from('bytes'), world.owner)).status).toBe(200);

    const own = await review(world.owner, version.id, 'Approved');
    expect(own.status).toBe(403);
    expect(own.body.type).toBe('/problems/self-approval-forbidden');
    expect((await review(world.editor, version.id, 'Approved')).status).toBe(403);

    expect((await review(world.approver, version.id, 'Rejected', 'fairness report missing')).status).toBe(200);
    const approved = await review(world.approver, version.id, 'Approved', 'report added');
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('Approved');
    expect(approved.body.approvals).toEqual([
      expect.objectContaining({
        decision: 'Rejected',
        comment: 'fairness report missing',
        decidedBy: world.approver.id,
      }),
      expect.objectContaining({ decision: 'Approved', comment: 'report added', decidedBy: world.approver.id }),
    ]);
  });

  it('takes a decision without a comment, and still refuses a comment that is no string', async () => {
    const model = await world.model('wordless');
    const version = await world.version(model.id);
    expect((await world.upload(version.id, Buffer.from('bytes'))).status).toBe(200);
    const approval = `/api/v1/model-versions/${version.id}/approval`;

    const notText = await world.approver.client.call('POST', approval, { decision: 'Approved', comment: null });
    expect(notText.status).toBe(400);
    expect(notText.body.errors).toContainEqual({ field: 'comment', message: 'comment must be a string' });

    const wordless = await world.approver.client.call('POST', approval, { decision: 'Approved' });
    expect(wordless.status).toBe(200);
    expect(wordless.body.approvals).toEqual([expect.objectContaining({ decision: 'Approved', comment: '' })]);
  });

  it('lets the registrant approve once the project relaxes four eyes, and only a project admin may relax it', async () => {
    const settings = `/api/v1/projects/${world.projectId}/model-registry-settings`;
    expect((await world.editor.client.call('PUT', settings, { selfApprovalAllowed: true })).status).toBe(403);
    expect((await world.owner.client.call('PUT', settings, { selfApprovalAllowed: true })).status).toBe(200);
    try {
      const model = await world.model('relaxed', {}, world.owner);
      const version = await world.version(model.id, {}, world.owner);
      await world.upload(version.id, Buffer.from('bytes'), world.owner);
      expect((await review(world.owner, version.id, 'Approved')).status).toBe(200);
    } finally {
      await world.owner.client.call('PUT', settings, { selfApprovalAllowed: false });
    }
  });

  it('keeps rejected versions out of a protected alias and resolves name@alias in one call', async () => {
    const model = await world.model('protected', { protectedAliases: ['champion'] });
    const good = await world.approvedVersion(model.id);
    const bad = await world.version(model.id);
    await world.upload(bad.id, Buffer.from('bad'));
    expect((await review(world.approver, bad.id, 'Rejected')).status).toBe(200);

    const aliases = `/api/v1/models/${model.id}/aliases`;
    const refused = await world.editor.client.call('PUT', `${aliases}/champion`, { versionId: bad.id });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/promotion-refused');
    expect(refused.body.errors).toEqual([{ field: 'protected-alias', message: expect.stringContaining('Rejected') }]);

    const placed = await world.editor.client.call('PUT', `${aliases}/champion`, { versionId: good.id });
    expect(placed.status).toBe(200);
    expect(placed.headers.get('etag')).toBe('"1"');
    // An unprotected alias takes the rejected version.
    expect((await world.editor.client.call('PUT', `${aliases}/shadow`, { versionId: bad.id })).status).toBe(200);

    const resolved = await world.editor.client.call(
      'GET',
      `/api/v1/projects/${world.projectId}/models/resolve?ref=protected@champion`,
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: good.id, number: good.number });
    const missing = await world.editor.client.call(
      'GET',
      `/api/v1/projects/${world.projectId}/models/resolve?ref=protected@nobody`,
    );
    expect(missing.status).toBe(404);
    // The holder of a protected alias cannot be rejected under it, nor archived while an alias names it.
    expect((await review(world.approver, good.id, 'Rejected')).status).toBe(409);
    expect((await world.editor.client.call('POST', `/api/v1/model-versions/${good.id}/archive`)).status).toBe(409);
  });

  it('answers 409 naming every failed rule of the promotion policy, and moves once they pass', async () => {
    const model = await world.model('policed');
    const policy = await world.owner.client.call('PUT', `/api/v1/models/${model.id}/promotion-policies/champion`, {
      protected: true,
      rules: [
        { rule: 'approved' },
        { rule: 'metric-threshold', metric: 'auc', operator: '>=', value: 0.9 },
        { rule: 'metric-better-than-current', metric: 'auc', higherIsBetter: true },
        { rule: 'lineage-complete' },
      ],
    });
    expect(policy.status).toBe(200);
    expect(
      (await world.editor.client.call('PUT', `/api/v1/models/${model.id}/promotion-policies/x`, { rules: [] })).status,
    ).toBe(403);

    const weak = await world.version(model.id, { metrics: { auc: 0.85 } });
    await world.upload(weak.id, Buffer.from('weak'));
    const refused = await world.editor.client.call('PUT', `/api/v1/models/${model.id}/aliases/champion`, {
      versionId: weak.id,
    });
    expect(refused.status).toBe(409);
    expect((refused.body.errors as { field: string }[]).map((failure) => failure.field)).toEqual([
      'protected-alias',
      'approved',
      'metric auc >= 0.9',
      'lineage-complete',
    ]);

    const runId = '01900000-0000-7000-8000-0000000000a1';
    await world.recordRun(runId);
    const lineage = {
      source: { runId, taskId: 'train' },
      trainingDatasets: [{ datasetVersionId: '01900000-0000-7000-8000-0000000000d1', name: 'churn-2024' }],
    };
    const strong = await world.version(model.id, { metrics: { auc: 0.95 }, ...lineage });
    await world.upload(strong.id, Buffer.from('strong'));
    await review(world.approver, strong.id, 'Approved');
    expect(
      (await world.editor.client.call('PUT', `/api/v1/models/${model.id}/aliases/champion`, { versionId: strong.id }))
        .status,
    ).toBe(200);

    const notBetter = await world.version(model.id, { metrics: { auc: 0.92 }, ...lineage });
    await world.upload(notBetter.id, Buffer.from('not better'));
    await review(world.approver, notBetter.id, 'Approved');
    const moved = await world.editor.client
      .withHeaders({ 'if-match': '"1"' })
      .call('PUT', `/api/v1/models/${model.id}/aliases/champion`, {
        versionId: notBetter.id,
      });
    expect(moved.status).toBe(409);
    expect(moved.body.errors).toEqual([
      { field: "metric auc better than the current holder's", message: 'auc is 0.92; the current holder has 0.95' },
    ]);
  });

  it('moves aliases only from the version named in If-Match (412) and refuses to create an existing one (409)', async () => {
    const model = await world.model('locked');
    const [first, second] = [await world.approvedVersion(model.id), await world.approvedVersion(model.id)];
    const path = `/api/v1/models/${model.id}/aliases/challenger`;
    expect((await world.editor.client.call('PUT', path, { versionId: first.id })).status).toBe(200);
    expect((await world.editor.client.call('PUT', path, { versionId: second.id })).status).toBe(409);
    const stale = await world.editor.client
      .withHeaders({ 'if-match': '"7"' })
      .call('PUT', path, { versionId: second.id });
    expect(stale.status).toBe(412);
    const moved = await world.editor.client
      .withHeaders({ 'if-match': '"1"' })
      .call('PUT', path, { versionId: second.id });
    expect(moved.body).toMatchObject({ versionId: second.id, version: 2 });
    expect((await world.editor.client.withHeaders({ 'if-match': '"1"' }).call('DELETE', path)).status).toBe(412);
    expect((await world.editor.client.withHeaders({ 'if-match': '"2"' }).call('DELETE', path)).status).toBe(204);
  });

  it('keeps model cards as drafts until final, then refuses changes', async () => {
    const model = await world.model('carded');
    const version = await world.version(model.id);
    const path = `/api/v1/model-versions/${version.id}/model-card`;
    expect((await world.editor.client.call('GET', path)).body).toMatchObject({ status: 'draft', version: 0 });
    const draft = await world.editor.client.call('PUT', path, { intendedUse: 'churn scoring', markdown: '# Card' });
    expect(draft.body).toMatchObject({ status: 'draft', intendedUse: 'churn scoring', version: 1 });
    const final = await world.editor.client.call('PUT', path, { limitations: 'EU customers only', status: 'final' });
    expect(final.body).toMatchObject({
      status: 'final',
      intendedUse: 'churn scoring',
      limitations: 'EU customers only',
    });
    const late = await world.editor.client.call('PUT', path, { markdown: 'changed' });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('/problems/model-card-final');
  });
});
