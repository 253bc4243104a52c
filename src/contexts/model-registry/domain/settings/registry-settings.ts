/**
 * The model registry's settings of one project (docs/adr/0301). Owned here, keyed by project:
 * user-management has no project settings to project from.
 */
export interface RegistrySettings {
  readonly projectId: string;
  /** Relaxes four eyes: a registrant may approve their own version. */
  readonly selfApprovalAllowed: boolean;
  readonly updatedBy?: string;
  readonly updatedAt?: Date;
}

export const defaultSettings = (projectId: string): RegistrySettings => ({ projectId, selfApprovalAllowed: false });

export abstract class RegistrySettingsRepository {
  abstract find(projectId: string): Promise<RegistrySettings>;
  abstract save(settings: RegistrySettings): Promise<void>;
}
