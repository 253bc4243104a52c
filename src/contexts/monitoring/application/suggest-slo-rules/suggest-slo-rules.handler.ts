import { Injectable } from '@nestjs/common';
import type { SloSuggestion } from '../../domain/slo/slo-suggestion.js';
import { SloSuggestions } from '../services/slo-suggestions.js';
import type { SuggestSloRulesQuery } from './suggest-slo-rules.query.js';

/** For each deployment and scheduled workflow of the project, the rule set a user may accept. */
@Injectable()
export class SuggestSloRulesHandler {
  constructor(private readonly suggestions: SloSuggestions) {}

  execute(query: SuggestSloRulesQuery): Promise<SloSuggestion[]> {
    return this.suggestions.of(query.projectId);
  }
}
