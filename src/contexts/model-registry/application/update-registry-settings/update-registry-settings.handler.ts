import { Injectable } from '@nestjs/common';
import { RegistrySettingsRepository, type RegistrySettings } from '../../domain/settings/registry-settings.js';
import type { UpdateRegistrySettingsCommand } from './update-registry-settings.command.js';

/** Changes the model registry's settings of a project (four-eyes relaxation). */
@Injectable()
export class UpdateRegistrySettingsHandler {
  constructor(private readonly settings: RegistrySettingsRepository) {}

  async execute(command: UpdateRegistrySettingsCommand): Promise<RegistrySettings> {
    const { projectId, selfApprovalAllowed, actorId } = command;
    const settings: RegistrySettings = { projectId, selfApprovalAllowed, updatedBy: actorId, updatedAt: new Date() };
    await this.settings.save(settings);
    return settings;
  }
}
