import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { AlertRule } from '../../domain/alerts/alert-rule.js';
import { AlertRuleRepository } from '../../domain/alerts/alert-rule.repository.js';

/**
 * The rule a use case acts on, or the 404 every one of them answers: for an unknown id, and for a
 * rule of the other kind (a global rule addressed by a project route, or the reverse), so neither
 * route reveals the other's rules.
 */
@Injectable()
export class AlertRuleLookup {
  constructor(private readonly rules: AlertRuleRepository) {}

  async require(id: string, global: boolean): Promise<AlertRule> {
    const rule = await this.rules.find(id);
    if (rule === undefined || (rule.projectId === null) !== global) throw new NotFoundError('Alert rule', id);
    return rule;
  }
}
