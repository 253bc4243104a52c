import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { AlertRule } from '../../domain/alerts/alert-rule.js';
import { AlertRuleRepository } from '../../domain/alerts/alert-rule.repository.js';
import { Clock } from '../ports/clock.js';
import { Transaction } from '../ports/transaction.js';
import { SloSuggestions } from '../services/slo-suggestions.js';
import type { AcceptedSloSuggestion, AcceptSloSuggestionCommand } from './accept-slo-suggestion.command.js';

const PAGE = 500;

/**
 * Creates the suggested rule set of one deployment or scheduled workflow in one call, as suggested
 * now. Accepting twice creates nothing more: a rule whose name the project already has is kept.
 */
@Injectable()
export class AcceptSloSuggestionHandler {
  constructor(
    private readonly suggestions: SloSuggestions,
    private readonly rules: AlertRuleRepository,
    private readonly transaction: Transaction,
    private readonly clock: Clock,
  ) {}

  async execute(command: AcceptSloSuggestionCommand): Promise<AcceptedSloSuggestion> {
    const suggestion = (await this.suggestions.of(command.projectId)).find(
      (candidate) => candidate.subject.kind === command.kind && candidate.subject.id === command.subjectId,
    );
    if (!suggestion) {
      throw new NotFoundError(`Suggested service levels of ${command.kind}`, command.subjectId);
    }
    return this.transaction.run(async () => {
      const names = await this.ruleNames(command.projectId);
      const created: AlertRule[] = [];
      const existing: string[] = [];
      for (const suggested of suggestion.rules) {
        if (names.has(suggested.name)) {
          existing.push(suggested.name);
          continue;
        }
        const rule = AlertRule.create({
          name: suggested.name,
          expr: suggested.expr,
          for: suggested.for,
          severity: suggested.severity,
          labels: suggested.labels,
          annotations: suggested.annotations,
          projectId: command.projectId,
          createdBy: command.actorId,
          at: this.clock.now(),
        });
        await this.rules.add(rule);
        created.push(rule);
      }
      return { created, existing };
    });
  }

  private async ruleNames(projectId: string): Promise<Set<string>> {
    const names = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.rules.list(projectId, PAGE, cursor);
      page.items.forEach((rule) => names.add(rule.snapshot.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return names;
  }
}
