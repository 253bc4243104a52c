import { Injectable } from '@nestjs/common';
import type { AlertExpr } from '../../domain/alerts/alert-expr.js';
import type { SignalName } from '../../domain/alerts/signal.catalogue.js';
import { suggestRules, type SloSubject, type SloSuggestion } from '../../domain/slo/slo-suggestion.js';
import { Clock } from '../ports/clock.js';
import { SignalReader } from '../ports/signal-reader.js';
import { SloSubjects } from '../ports/slo-subjects.js';

// How far back a subject's behaviour sets its thresholds: a day of serving, a week of scheduled runs.
const SERVING_HISTORY = '24h';
const RUN_HISTORY = '7d';

/** The suggested rule sets of a project's deployments and scheduled workflows, thresholds from their history. */
@Injectable()
export class SloSuggestions {
  constructor(
    private readonly subjects: SloSubjects,
    private readonly signals: SignalReader,
    private readonly clock: Clock,
  ) {}

  async of(projectId: string): Promise<SloSuggestion[]> {
    const [deployments, workflows] = await Promise.all([
      this.subjects.deploymentsOf(projectId),
      this.subjects.scheduledWorkflowsOf(projectId),
    ]);
    const suggestions: SloSuggestion[] = [];
    for (const subject of [...deployments, ...workflows]) {
      suggestions.push({ subject, rules: suggestRules(subject, await this.observed(projectId, subject)) });
    }
    return suggestions;
  }

  private async observed(projectId: string, subject: SloSubject) {
    if (subject.kind === 'deployment') {
      const p99 = await this.highest(projectId, 'prediction.latency_p99_seconds', SERVING_HISTORY, {
        deploymentId: subject.id,
      });
      return p99 === undefined ? {} : { p99Seconds: p99 };
    }
    const longest = await this.highest(projectId, 'workflow.duration_max_seconds', RUN_HISTORY, {
      workflowId: subject.id,
    });
    return longest === undefined ? {} : { longestRunSeconds: longest };
  }

  /** The highest value of the signal's series over the window; undefined when there is none or it cannot be read. */
  private async highest(
    projectId: string,
    signal: SignalName,
    window: string,
    filter: Record<string, string>,
  ): Promise<number | undefined> {
    const expr: AlertExpr = { signal, window, filter, op: '>', threshold: 0 };
    const samples = await this.signals.read(expr, projectId, this.clock.now()).catch(() => []);
    return samples.length === 0 ? undefined : Math.max(...samples.map((sample) => sample.value));
  }
}
