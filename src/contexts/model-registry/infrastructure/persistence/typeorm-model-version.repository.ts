import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import type { ModelVersion } from '../../domain/version/model-version.js';
import type { ModelVersionStatus } from '../../domain/version/model-version-status.js';
import {
  ModelVersionRepository,
  type VersionLock,
  type VersionPage,
} from '../../domain/version/model-version.repository.js';
import { decisionsToPersistence, versionToDomain, versionToPersistence } from './model-version.mapper.js';
import { ApprovalDecisionOrmEntity, ModelVersionOrmEntity } from './model-version.orm-entity.js';
import { writeAtVersion } from './optimistic-write.js';
import { decodeCursor, encodeCursor, NUMBER_KEY } from './page-cursor.js';

const LOCK_MODES = { share: 'pessimistic_read', update: 'pessimistic_write' } as const;

@Injectable()
export class TypeOrmModelVersionRepository extends ModelVersionRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async find(id: string, options: { lock?: VersionLock } = {}): Promise<ModelVersion | undefined> {
    const row = await this.rows().findOne({
      where: { id },
      ...(options.lock && { lock: { mode: LOCK_MODES[options.lock] } }),
    });
    return row ? this.withDecisions(row) : undefined;
  }

  async findByNumber(modelId: string, number: number): Promise<ModelVersion | undefined> {
    const row = await this.rows().findOneBy({ modelId, number });
    return row ? this.withDecisions(row) : undefined;
  }

  async findBySource(modelId: string, runId: string, taskId: string): Promise<ModelVersion | undefined> {
    const row = await this.rows().findOneBy({ modelId, sourceRunId: runId, sourceTaskId: taskId });
    return row ? this.withDecisions(row) : undefined;
  }

  async listOfModel(
    modelId: string,
    filter: { status?: ModelVersionStatus; limit: number; cursor?: string },
  ): Promise<VersionPage> {
    const query = this.rows()
      .createQueryBuilder('v')
      .where('v.modelId = :modelId', { modelId })
      .orderBy('v.number', 'DESC')
      .take(filter.limit + 1);
    if (filter.status) query.andWhere('v.status = :status', { status: filter.status });
    if (filter.cursor) query.andWhere('v.number < :after', { after: Number(decodeCursor(filter.cursor, NUMBER_KEY)) });
    const rows = await query.getMany();
    const page = rows.slice(0, filter.limit);
    const decisions = await this.decisionsOf(page.map((row) => row.id));
    return {
      items: page.map((row) =>
        versionToDomain(
          row,
          decisions.filter((decision) => decision.versionId === row.id),
        ),
      ),
      nextCursor: rows.length > filter.limit ? encodeCursor(page[page.length - 1].number) : null,
    };
  }

  async save(version: ModelVersion): Promise<void> {
    const manager = this.scope.manager();
    const written = await writeAtVersion(
      manager,
      ModelVersionOrmEntity,
      versionToPersistence(version),
      version.version,
      {
        sql: 'id = :id',
        parameters: { id: version.id },
        resource: 'Model version',
        id: version.id,
      },
    );
    // Decisions are only ever added: the history of a review is never rewritten.
    const decisions = decisionsToPersistence(version);
    if (decisions.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ApprovalDecisionOrmEntity)
        .values(decisions)
        .orIgnore()
        .execute();
    }
    version.markSaved(written);
  }

  private async withDecisions(row: ModelVersionOrmEntity): Promise<ModelVersion> {
    return versionToDomain(row, await this.decisionsOf([row.id]));
  }

  private async decisionsOf(versionIds: readonly string[]): Promise<ApprovalDecisionOrmEntity[]> {
    if (versionIds.length === 0) return [];
    return this.scope
      .manager()
      .getRepository(ApprovalDecisionOrmEntity)
      .find({ where: versionIds.map((versionId) => ({ versionId })) });
  }

  private rows() {
    return this.scope.manager().getRepository(ModelVersionOrmEntity);
  }
}
