import type { AlertRule } from './alert-rule.js';

export interface AlertRulePage {
  readonly items: AlertRule[];
  readonly nextCursor: string | null;
}

/** Port: alert rules, and the lease that gives each due rule to one evaluator across processes. */
export abstract class AlertRuleRepository {
  abstract add(rule: AlertRule): Promise<void>;
  abstract save(rule: AlertRule): Promise<void>;
  abstract remove(id: string): Promise<void>;
  abstract find(id: string): Promise<AlertRule | undefined>;
  /** A project's rules, or the global ones for null; oldest first after the cursor. */
  abstract list(projectId: string | null, limit: number, cursor?: string): Promise<AlertRulePage>;
  /** Leases up to `limit` rules due at `now` until `leaseUntil`; rules leased elsewhere are skipped. */
  abstract claimDue(now: Date, leaseUntil: Date, limit: number): Promise<AlertRule[]>;
  /** Ends an evaluation: the lease is dropped and the rule is due again at `nextAt`. */
  abstract release(id: string, nextAt: Date): Promise<void>;
}
