export interface ExpireSilenceCommand {
  readonly projectId: string;
  readonly silenceId: string;
}
