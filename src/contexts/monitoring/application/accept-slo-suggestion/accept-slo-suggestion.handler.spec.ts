import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { ACTOR, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { PlantedSloSubjects } from '../../../../../test/support/monitoring/planted-slo-subjects.js';
import { SloSuggestions } from '../services/slo-suggestions.js';
import { AcceptSloSuggestionHandler } from './accept-slo-suggestion.handler.js';

describe('AcceptSloSuggestionHandler', () => {
  function accepting() {
    const ports = fakeAlertingPorts();
    const subjects = new PlantedSloSubjects({ [PROJECT]: [{ kind: 'deployment', id: 'd1', name: 'churn' }] });
    const suggestions = new SloSuggestions(subjects, ports.signals, ports.clock);
    return { ports, handler: new AcceptSloSuggestionHandler(suggestions, ports.rules, ports.transaction, ports.clock) };
  }

  it("creates the subject's suggested rules once, however often it is accepted", async () => {
    const { ports, handler } = accepting();
    const command = { projectId: PROJECT, kind: 'deployment', subjectId: 'd1', actorId: ACTOR };
    const first = await handler.execute(command);
    expect(first.created.map((rule) => rule.snapshot.name)).toEqual([
      'SLO availability: churn',
      'SLO p99 latency: churn',
    ]);
    expect(first.created.every((rule) => rule.projectId === PROJECT && rule.snapshot.createdBy === ACTOR)).toBe(true);
    const again = await handler.execute(command);
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(['SLO availability: churn', 'SLO p99 latency: churn']);
    expect(ports.rules.rows.size).toBe(2);
  });

  it('refuses a subject the project has no suggestion for', async () => {
    const { ports, handler } = accepting();
    const command = { projectId: PROJECT, kind: 'workflow', subjectId: 'd1', actorId: ACTOR };
    await expect(handler.execute(command)).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.rules.rows.size).toBe(0);
  });
});
