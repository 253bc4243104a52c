/** Port: the projects in which a user holds workflow:approve, answered by user-management. */
export abstract class ApproverProjects {
  abstract of(userId: string): Promise<string[]>;
}
