/** A reconciler's round asks for nothing: the approvals past their deadline now are the work. */
export type ExpireApprovalsCommand = Readonly<Record<string, never>>;

/** How many approvals failed for want of a decision. */
export type ApprovalsExpired = number;
