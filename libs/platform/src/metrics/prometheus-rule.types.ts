/** The shape of Prometheus rule files (`promtool check rules`), as plain types. */

/** One alerting rule of a Prometheus rule file (`rules[]` of a group). */
export interface PrometheusAlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly keep_firing_for?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface PrometheusRuleGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules: readonly PrometheusAlertingRule[];
}

/** A rule left out of the file, said in a comment with why. */
export interface SkippedRule {
  readonly name: string;
  readonly reason: string;
}
