import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { PlantedSloSubjects } from '../../../../../test/support/monitoring/planted-slo-subjects.js';
import { SloSuggestions } from '../services/slo-suggestions.js';
import { SuggestSloRulesHandler } from './suggest-slo-rules.handler.js';

describe('SuggestSloRulesHandler', () => {
  it("suggests for the project's deployments and scheduled workflows, thresholds from what they did", async () => {
    const ports = fakeAlertingPorts();
    const subjects = new PlantedSloSubjects({
      [PROJECT]: [
        { kind: 'deployment', id: 'd1', name: 'churn' },
        { kind: 'workflow', id: 'w1', name: 'nightly' },
      ],
      [OTHER_PROJECT]: [{ kind: 'deployment', id: 'd2', name: 'theirs' }],
    });
    const sample = (value: number) => ({ projectId: PROJECT, labels: {}, value, lineage: [] });
    ports.signals.samples.set('prediction.latency_p99_seconds', [sample(0.1), sample(0.3)]);
    ports.signals.failing.add('workflow.duration_max_seconds');
    const handler = new SuggestSloRulesHandler(new SloSuggestions(subjects, ports.signals, ports.clock));

    const suggestions = await handler.execute({ projectId: PROJECT });
    expect(suggestions.map((suggestion) => suggestion.subject.name)).toEqual(['churn', 'nightly']);
    // The slowest variant sets the bound; a history that cannot be read leaves the defaults.
    expect(suggestions[0].rules.map((rule) => rule.expr.threshold)).toEqual([0.01, 0.6]);
    expect(suggestions[1].rules.map((rule) => rule.objective)).toEqual(['success-rate']);
  });
});
