export interface UpdateRegistrySettingsCommand {
  readonly projectId: string;
  /** Whether a registrant may approve their own versions (four eyes relaxed). */
  readonly selfApprovalAllowed: boolean;
  readonly actorId: string;
}
