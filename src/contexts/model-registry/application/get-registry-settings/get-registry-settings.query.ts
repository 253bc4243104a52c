export interface GetRegistrySettingsQuery {
  readonly projectId: string;
}
