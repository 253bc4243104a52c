export interface ListUsersQuery {
  readonly limit: number;
  readonly cursor?: string;
}
