import { Injectable } from '@nestjs/common';
import { ConcurrencyError, isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { Deployment, type DeploymentStatus } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { DeploymentNameTaken } from '../../domain/errors.js';
import { DeploymentChangeSignals } from '../cache/deployment-change-signals.js';
import { DeploymentOrmEntity } from './deployment.orm-entity.js';

@Injectable()
export class TypeOrmDeploymentRepository extends DeploymentRepository {
  constructor(
    private readonly scope: AmbientTransaction,
    private readonly changes: DeploymentChangeSignals,
  ) {
    super();
  }

  async add(deployment: Deployment): Promise<void> {
    // The only unique constraint besides the key is (project_id, name): a collision is a taken name.
    const result = await this.scope
      .manager()
      .createQueryBuilder()
      .insert()
      .into(DeploymentOrmEntity)
      .values(toRow(deployment, 1))
      .orIgnore()
      .returning('id')
      .execute();
    if ((result.raw as unknown[]).length !== 1) throw new DeploymentNameTaken(deployment.name);
    deployment.markSaved(1);
    this.announceOnCommit(deployment.id);
  }

  async save(deployment: Deployment): Promise<void> {
    const next = deployment.version + 1;
    const result = await this.scope
      .manager()
      .getRepository(DeploymentOrmEntity)
      .update({ id: deployment.id, version: deployment.version }, toRow(deployment, next));
    if (result.affected !== 1) throw new ConcurrencyError('Deployment', deployment.id);
    deployment.markSaved(next);
    this.announceOnCommit(deployment.id);
  }

  async remove(deployment: Deployment): Promise<void> {
    await this.scope.manager().getRepository(DeploymentOrmEntity).delete({ id: deployment.id });
    this.announceOnCommit(deployment.id);
  }

  async find(id: string): Promise<Deployment | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.scope.manager().getRepository(DeploymentOrmEntity).findOneBy({ id });
    return row ? toDomain(row) : undefined;
  }

  async findByName(projectId: string, name: string): Promise<Deployment | undefined> {
    const row = await this.scope.manager().getRepository(DeploymentOrmEntity).findOneBy({ projectId, name });
    return row ? toDomain(row) : undefined;
  }

  async listByProject(projectId: string): Promise<Deployment[]> {
    const rows = await this.scope
      .manager()
      .getRepository(DeploymentOrmEntity)
      .find({ where: { projectId }, order: { name: 'ASC' } });
    return rows.map(toDomain);
  }

  /**
   * Serving processes drop their copies once the change committed: announced earlier, a process
   * could read the old row again and keep it. A transaction someone else commits (an inbox's) has
   * no commit hook here, so it announces at once and the copies' TTL covers the gap.
   */
  private announceOnCommit(deploymentId: string): void {
    const announce = () => this.changes.announce(deploymentId);
    try {
      this.scope.afterCommit(announce);
    } catch {
      announce();
    }
  }
}

function toRow(deployment: Deployment, version: number): DeploymentOrmEntity {
  const state = deployment.snapshot;
  return { ...state, variants: [...state.variants], version };
}

function toDomain(row: DeploymentOrmEntity): Deployment {
  const { version, status, ...state } = row;
  return Deployment.restore({ ...state, status: status as DeploymentStatus }, version);
}
