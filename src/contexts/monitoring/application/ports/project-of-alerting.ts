/** For the access guard: the project of `/alert-rules/{ruleId}`; undefined (404) for unknown ids and global rules. */
export abstract class ProjectOfAlertRule {
  abstract projectOf(ruleId: string): Promise<string | undefined>;
}

/** For the access guard: the project of `/alerts/{alertId}/...`; undefined (404) for unknown or platform-wide alerts. */
export abstract class ProjectOfAlert {
  abstract projectOf(alertId: string): Promise<string | undefined>;
}
