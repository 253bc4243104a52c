import { describe, expect, it } from '@jest/globals';
import { LoopbackFacadeTransport } from '@libs/testing';
import {
  ModelRegistryFacade,
  type AliasMoveOutcome,
  type AliasMoveRequest,
  type RegistryModelVersion,
  type ResolvedModelVersion,
} from '../../contracts/model-registry.facade.js';
import { ModelRegistryFacadeController } from '../../interface/http/internal/model-registry-facade.controller.js';
import { HttpModelRegistryFacade } from './http-model-registry.facade.js';

const VERSION: RegistryModelVersion = {
  modelId: 'm1',
  modelName: 'churn',
  versionId: 'v1',
  versionNumber: 3,
  status: 'Approved',
  framework: 'onnx',
  artifact: { key: 'models/v1', sizeBytes: 120, sha256: 'ab'.repeat(32) },
  signature: { inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }], outputs: [] },
  sagemaker: null,
};

/** The registry as the owner's controller sees it: one project, one alias, moves refused on `guarded`. */
class OwnerFacade extends ModelRegistryFacade {
  readonly moves: AliasMoveRequest[] = [];

  resolveAlias(projectId: string, modelName: string, alias: string): Promise<ResolvedModelVersion | undefined> {
    const known = projectId === 'p1' && modelName === 'churn' && alias === 'champion';
    return Promise.resolve(known ? { ...VERSION, alias } : undefined);
  }

  findVersion(projectId: string, versionId: string): Promise<RegistryModelVersion | undefined> {
    return Promise.resolve(projectId === 'p1' && versionId === 'v1' ? VERSION : undefined);
  }

  moveAlias(request: AliasMoveRequest): Promise<AliasMoveOutcome> {
    this.moves.push(request);
    return Promise.resolve(
      request.alias === 'guarded'
        ? { outcome: 'refused', reason: 'the alias takes approved versions only' }
        : { outcome: 'moved' },
    );
  }
}

function binding() {
  const owner = new OwnerFacade();
  const transport = new LoopbackFacadeTransport([new ModelRegistryFacadeController(owner)]);
  return { owner, transport, facade: new HttpModelRegistryFacade(transport) };
}

describe('HttpModelRegistryFacade', () => {
  it('answers what the owner’s facade answers, and undefined where it has none', async () => {
    const { facade } = binding();
    expect(await facade.resolveAlias('p1', 'churn', 'champion')).toEqual({ ...VERSION, alias: 'champion' });
    expect(await facade.resolveAlias('p2', 'churn', 'champion')).toBeUndefined();
    expect(await facade.findVersion('p1', 'v1')).toEqual(VERSION);
    expect(await facade.findVersion('p1', 'v9')).toBeUndefined();
  });

  it('moves an alias as the request asks, answering a refusal as the local facade does', async () => {
    const { facade, owner } = binding();
    const request = { projectId: 'p1', modelName: 'churn', alias: 'guarded', versionId: 'v1', actorId: 'u1' };
    expect(await facade.moveAlias(request)).toEqual({
      outcome: 'refused',
      reason: 'the alias takes approved versions only',
    });
    expect(await facade.moveAlias({ ...request, alias: 'champion' })).toEqual({ outcome: 'moved' });
    expect(owner.moves).toEqual([request, { ...request, alias: 'champion' }]);
  });

  it('lets the transport retry reads only: a move is never sent twice', async () => {
    const { facade, transport } = binding();
    await facade.resolveAlias('p1', 'churn', 'champion');
    await facade.findVersion('p1', 'v1');
    await facade.moveAlias({ projectId: 'p1', modelName: 'churn', alias: 'champion', versionId: 'v1', actorId: 'u1' });
    expect(transport.calls.map(({ operation, idempotent }) => [operation, idempotent])).toEqual([
      ['resolve-alias', true],
      ['find-version', true],
      ['move-alias', false],
    ]);
  });
});
