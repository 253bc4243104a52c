import { Injectable } from '@nestjs/common';
import { ConcurrencyError, isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';
import { BatchPredictionOrmEntity } from './batch-prediction.orm-entity.js';

@Injectable()
export class TypeOrmBatchPredictionRepository extends BatchPredictionRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(job: BatchPrediction): Promise<void> {
    await this.scope.manager().getRepository(BatchPredictionOrmEntity).insert(toRow(job, 1));
    job.markSaved(1);
  }

  async save(job: BatchPrediction): Promise<void> {
    const next = job.version + 1;
    const result = await this.scope
      .manager()
      .getRepository(BatchPredictionOrmEntity)
      .update({ id: job.id, version: job.version }, toRow(job, next));
    if (result.affected !== 1) throw new ConcurrencyError('Batch prediction', job.id);
    job.markSaved(next);
  }

  async find(id: string, options: { readonly lock?: 'update' } = {}): Promise<BatchPrediction | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.scope
      .manager()
      .getRepository(BatchPredictionOrmEntity)
      .findOne({ where: { id }, ...(options.lock && { lock: { mode: 'pessimistic_write' as const } }) });
    return row ? toDomain(row) : undefined;
  }

  async findByIdempotencyKey(idempotencyKey: string): Promise<BatchPrediction | undefined> {
    const row = await this.scope.manager().getRepository(BatchPredictionOrmEntity).findOneBy({ idempotencyKey });
    return row ? toDomain(row) : undefined;
  }

  async listByDeployment(deploymentId: string): Promise<BatchPrediction[]> {
    const rows = await this.scope
      .manager()
      .getRepository(BatchPredictionOrmEntity)
      .find({ where: { deploymentId }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map(toDomain);
  }
}

function toRow(job: BatchPrediction, version: number): BatchPredictionOrmEntity {
  return { ...job.snapshot, version };
}

function toDomain(row: BatchPredictionOrmEntity): BatchPrediction {
  const { version, ...state } = row;
  return BatchPrediction.restore(state, version);
}
