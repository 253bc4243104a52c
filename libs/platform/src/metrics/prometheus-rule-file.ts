import { stringify } from 'yaml';
import type { PrometheusRuleGroup, SkippedRule } from './prometheus-rule.types.js';

/**
 * A Prometheus rule file (`groups:` YAML, as `promtool check rules` reads it), with a header and
 * the skipped rules as comments on top. Rule names and texts go through the YAML library, so any
 * character is quoted as YAML needs.
 */
export function renderPrometheusRuleFile(
  header: readonly string[],
  groups: readonly PrometheusRuleGroup[],
  skipped: readonly SkippedRule[] = [],
): string {
  const comments = [...header, ...skipped.map(({ name, reason }) => `skipped ${JSON.stringify(name)}: ${reason}`)].map(
    (line) => `# ${line.replace(/[\r\n]+/g, ' ')}`,
  );
  const body = stringify({ groups }, { lineWidth: 0 });
  return `${comments.join('\n')}\n${body}`;
}
