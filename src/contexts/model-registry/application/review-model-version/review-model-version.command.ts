import type { ApprovalDecisionValue } from '../../domain/version/model-version-status.js';

export interface ReviewModelVersionCommand {
  readonly versionId: string;
  readonly decision: ApprovalDecisionValue;
  readonly comment: string;
  readonly actorId: string;
}
