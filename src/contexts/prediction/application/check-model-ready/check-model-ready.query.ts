export interface CheckModelReadyQuery {
  readonly projectId: string;
  readonly model: string;
  readonly variant?: string;
}
