import { Injectable } from '@nestjs/common';
import { RegistrySettingsRepository, type RegistrySettings } from '../../domain/settings/registry-settings.js';
import type { GetRegistrySettingsQuery } from './get-registry-settings.query.js';

/** The model registry's settings of a project; the defaults until someone changes them. */
@Injectable()
export class GetRegistrySettingsHandler {
  constructor(private readonly settings: RegistrySettingsRepository) {}

  execute(query: GetRegistrySettingsQuery): Promise<RegistrySettings> {
    return this.settings.find(query.projectId);
  }
}
