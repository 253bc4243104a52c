import { Injectable } from '@nestjs/common';
import type { PrometheusAlertingRule, SkippedRule } from '@libs/platform/ports';
import { isSkippedRule, toPrometheusRule } from '../../contracts/prometheus-rules.js';
import { AlertRuleRepository } from '../../domain/alerts/alert-rule.repository.js';
import type { AlertRule } from '../../domain/alerts/alert-rule.js';
import type { ExportAlertRulesQuery, ExportedAlertRules } from './export-alert-rules.query.js';

const PAGE = 100;

/**
 * Every rule of a project (or every global rule) mapped to PromQL over the platform's metrics, in
 * one group; the rules no metric can express are listed as skipped (docs/adr/0605).
 */
@Injectable()
export class ExportAlertRulesHandler {
  constructor(private readonly rules: AlertRuleRepository) {}

  async execute({ projectId }: ExportAlertRulesQuery): Promise<ExportedAlertRules> {
    const mapped: PrometheusAlertingRule[] = [];
    const skipped: SkippedRule[] = [];
    for (const rule of await this.all(projectId)) {
      const exported = toPrometheusRule(rule.snapshot);
      if (isSkippedRule(exported)) skipped.push(exported);
      else mapped.push(exported);
    }
    const name = projectId === null ? 'mlops-platform-global' : `mlops-platform-project-${projectId}`;
    return { groups: mapped.length === 0 ? [] : [{ name, rules: mapped }], skipped };
  }

  private async all(projectId: string | null): Promise<AlertRule[]> {
    const rules: AlertRule[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.rules.list(projectId, PAGE, cursor);
      rules.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return rules;
  }
}
