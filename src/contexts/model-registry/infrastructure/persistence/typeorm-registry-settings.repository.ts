import { Injectable } from '@nestjs/common';
import {
  defaultSettings,
  RegistrySettingsRepository,
  type RegistrySettings,
} from '../../domain/settings/registry-settings.js';
import { AmbientTransaction } from '@libs/platform';
import { RegistrySettingsOrmEntity } from './registry-settings.orm-entity.js';

@Injectable()
export class TypeOrmRegistrySettingsRepository extends RegistrySettingsRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async find(projectId: string): Promise<RegistrySettings> {
    const row = await this.rows().findOneBy({ projectId });
    return row ?? defaultSettings(projectId);
  }

  async save(settings: RegistrySettings): Promise<void> {
    await this.rows().upsert(
      {
        projectId: settings.projectId,
        selfApprovalAllowed: settings.selfApprovalAllowed,
        updatedBy: settings.updatedBy,
        updatedAt: settings.updatedAt ?? new Date(),
      },
      ['projectId'],
    );
  }

  private rows() {
    return this.scope.manager().getRepository(RegistrySettingsOrmEntity);
  }
}
