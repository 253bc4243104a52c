import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newUser, type NewUser } from './user-management/auth-client.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const gateOf = (run: Json): Json => (run.taskRuns as Json[]).find((task) => task.taskId === 'gate');

describe('approval lists: the project pending list and a user inbox', () => {
  let world: WorkflowWorld;
  let stranger: NewUser;
  let strangerProject: string;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    stranger = await newUser(world.admin, world.anonymous);
    strangerProject = (await stranger.client.call('POST', '/api/v1/projects', { name: `s-${Date.now()}` })).body.id;
  });
  afterAll(() => world.app.close());

  /** Starts a run that waits at its approval gate, and answers the run as it waits there. */
  async function gatedRun(user: NewUser, projectId: string, name: string, params: object = {}): Promise<Json> {
    const workflowId = await createWorkflow(user.client, projectId, {
      name,
      tasks: [{ id: 'gate', type: 'approval', params: { message: 'ship it?', ...params } }],
    });
    const started = await user.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    return waitForRun(user.client, started.body.id as string, (run) => gateOf(run)?.state !== 'pending');
  }

  const projectList = (client: NewUser['client'], projectId: string, query = '') =>
    client.call('GET', `/api/v1/projects/${projectId}/approvals${query}`);
  const runIdsOf = (response: Json): string[] => (response.body.items as Json[]).map((item) => item.runId);

  it('shows a gate as waiting_for_approval, lists it as pending and in the inbox, and moves it once decided', async () => {
    const run = await gatedRun(world.owner, world.projectId, 'inbox-release', { deadlineSeconds: 3600 });
    expect(run.state).toBe('running');
    expect(gateOf(run).state).toBe('waiting_for_approval');

    const pending = await projectList(world.owner.client, world.projectId, '?status=pending');
    expect(pending.status).toBe(200);
    const item = (pending.body.items as Json[]).find((candidate) => candidate.runId === run.id);
    expect(item).toMatchObject({
      projectId: world.projectId,
      workflowId: run.workflowId,
      workflowName: 'inbox-release',
      taskKey: 'gate',
      attempt: 1,
      status: 'pending',
      message: 'ship it?',
      approvers: [],
    });
    expect(Date.parse(item.expiresAt as string) - Date.parse(item.requestedAt as string)).toBe(3_600_000);
    expect(runIdsOf(await world.owner.client.call('GET', '/api/v1/me/approvals'))).toContain(run.id);

    const decided = await world.owner.client.call('POST', `/api/v1/workflow-runs/${run.id}/tasks/gate/approval`, {
      decision: 'approve',
      comment: 'fine',
    });
    expect(decided.status).toBe(200);
    expect(runIdsOf(await projectList(world.owner.client, world.projectId, '?status=pending'))).not.toContain(run.id);
    expect(runIdsOf(await world.owner.client.call('GET', '/api/v1/me/approvals'))).not.toContain(run.id);
    const approved = await projectList(world.owner.client, world.projectId, '?status=approved');
    const closed = (approved.body.items as Json[]).find((candidate) => candidate.runId === run.id);
    expect(closed).toMatchObject({
      id: item.id,
      status: 'approved',
      decision: { by: world.owner.id, comment: 'fine' },
    });
  });

  it("keeps from the inbox a gate naming other approvers, and a project's list from those who cannot read it", async () => {
    const named = await gatedRun(world.owner, world.projectId, 'named-approvers', { approvers: [stranger.id] });
    expect(runIdsOf(await projectList(world.owner.client, world.projectId, '?status=pending'))).toContain(named.id);
    expect(runIdsOf(await world.owner.client.call('GET', '/api/v1/me/approvals'))).not.toContain(named.id);

    const own = await gatedRun(stranger, strangerProject, 'stranger-release');
    const strangerInbox = runIdsOf(await stranger.client.call('GET', '/api/v1/me/approvals'));
    expect(strangerInbox).toEqual([own.id]);
    expect((await projectList(stranger.client, world.projectId)).status).toBe(404);
    expect(runIdsOf(await projectList(world.owner.client, world.projectId))).not.toContain(own.id);

    const viewer = await newUser(world.admin, world.anonymous);
    await world.owner.client.call('PUT', `/api/v1/projects/${world.projectId}/members/${viewer.id}`, {
      role: 'viewer',
    });
    expect(runIdsOf(await projectList(viewer.client, world.projectId, '?status=pending'))).toContain(named.id);
    expect((await viewer.client.call('GET', '/api/v1/me/approvals')).body).toEqual({ items: [], nextCursor: null });
  });

  it('shows the gate of a cancelled run as cancelled, no longer pending', async () => {
    const run = await gatedRun(world.owner, world.projectId, 'cancelled-release');
    await world.owner.client.call('POST', `/api/v1/workflow-runs/${run.id}/cancel`, {});
    expect(runIdsOf(await projectList(world.owner.client, world.projectId, '?status=pending'))).not.toContain(run.id);
    expect(runIdsOf(await projectList(world.owner.client, world.projectId, '?status=cancelled'))).toContain(run.id);
  });

  it('pages newest first, and refuses an unknown status or a malformed cursor with 400', async () => {
    const first = await projectList(world.owner.client, world.projectId, '?limit=1');
    expect(first.body.items).toHaveLength(1);
    const next = await projectList(world.owner.client, world.projectId, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items[0].id < first.body.items[0].id).toBe(true);
    expect((await projectList(world.owner.client, world.projectId, '?status=waiting')).status).toBe(400);
    expect((await world.owner.client.call('GET', '/api/v1/me/approvals?cursor=nope')).status).toBe(400);
  });
});
