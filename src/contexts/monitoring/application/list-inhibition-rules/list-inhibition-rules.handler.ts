import { Injectable } from '@nestjs/common';
import type { InhibitionRule } from '../../domain/notifications/inhibition-rule.js';
import { InhibitionRuleRepository } from '../../domain/notifications/notifications.repository.js';
import type { ListInhibitionRulesQuery } from './list-inhibition-rules.query.js';

@Injectable()
export class ListInhibitionRulesHandler {
  constructor(private readonly rules: InhibitionRuleRepository) {}

  execute(query: ListInhibitionRulesQuery): Promise<InhibitionRule[]> {
    return this.rules.ofProject(query.projectId);
  }
}
