import { Injectable } from '@nestjs/common';
import { RegistrySettingsRepository, type RegistrySettings } from '../../domain/settings/registry-settings.js';

/** Reads and changes the model registry's settings of a project (four-eyes relaxation). */
@Injectable()
export class UpdateRegistrySettingsHandler {
  constructor(private readonly settings: RegistrySettingsRepository) {}

  read(projectId: string): Promise<RegistrySettings> {
    return this.settings.find(projectId);
  }

  async execute(projectId: string, selfApprovalAllowed: boolean, actorId: string): Promise<RegistrySettings> {
    const settings: RegistrySettings = { projectId, selfApprovalAllowed, updatedBy: actorId, updatedAt: new Date() };
    await this.settings.save(settings);
    return settings;
  }
}
