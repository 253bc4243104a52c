export interface CreateProjectCommand {
  /** Becomes the project's owner. */
  readonly actorId: string;
  readonly name: string;
  readonly ip: string;
}
