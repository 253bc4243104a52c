export interface GetUserQuery {
  readonly userId: string;
}
