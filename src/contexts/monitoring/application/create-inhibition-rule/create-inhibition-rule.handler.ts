import { Injectable } from '@nestjs/common';
import { createInhibitionRule, type InhibitionRule } from '../../domain/notifications/inhibition-rule.js';
import { InhibitionRuleRepository } from '../../domain/notifications/notifications.repository.js';
import { Clock } from '../ports/clock.js';
import type { CreateInhibitionRuleCommand } from './create-inhibition-rule.command.js';

@Injectable()
export class CreateInhibitionRuleHandler {
  constructor(
    private readonly rules: InhibitionRuleRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateInhibitionRuleCommand): Promise<InhibitionRule> {
    const { actorId, ...fields } = command;
    const rule = createInhibitionRule({ ...fields, createdBy: actorId, at: this.clock.now() });
    await this.rules.add(rule);
    return rule;
  }
}
