import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { InhibitionRuleRepository } from '../../domain/notifications/notifications.repository.js';
import type { DeleteInhibitionRuleCommand } from './delete-inhibition-rule.command.js';

@Injectable()
export class DeleteInhibitionRuleHandler {
  constructor(private readonly rules: InhibitionRuleRepository) {}

  async execute(command: DeleteInhibitionRuleCommand): Promise<void> {
    if (!(await this.rules.remove(command.projectId, command.ruleId))) {
      throw new NotFoundError('Inhibition rule', command.ruleId);
    }
  }
}
