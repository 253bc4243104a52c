import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { ProblemAlert } from '../forms/problem-alert';
import { useApi } from '../hooks/use-api';
import { PageStatus } from '../pages/page-status';
import { DataTable } from '../shell/data-table';
import { COMPARISONS, conditionText, filterText, ruleOfForm, SEVERITIES } from './rule-form-values';

type Rule = Schemas['AlertRuleResponse'];

/**
 * The project's alert rules: listed with their condition, created and edited in one form (the
 * API's validation problems shown field by field), deleted after a second press.
 */
export function AlertRulesSection({ projectId }: { projectId: string }) {
  const rules = useApi(
    () =>
      api.GET('/api/v1/projects/{projectId}/alert-rules', { params: { path: { projectId }, query: { limit: 100 } } }),
    `alert-rules:${projectId}`,
  );
  const [editing, setEditing] = useState<Rule>();
  const [deleting, setDeleting] = useState<string>();
  const [refusal, setRefusal] = useState<unknown>();
  const [done, setDone] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const rule = ruleOfForm(form);
    const { data, error } =
      editing === undefined
        ? await api.POST('/api/v1/projects/{projectId}/alert-rules', { params: { path: { projectId } }, body: rule })
        : await api.PATCH('/api/v1/alert-rules/{ruleId}', { params: { path: { ruleId: editing.id } }, body: rule });
    setRefusal(error);
    if (data === undefined) return;
    setDone(`${editing === undefined ? 'Created' : 'Saved'} rule ${data.name}.`);
    setEditing(undefined);
    form.reset();
    rules.reload();
  }

  async function remove(rule: Rule) {
    const { error } = await api.DELETE('/api/v1/alert-rules/{ruleId}', { params: { path: { ruleId: rule.id } } });
    setRefusal(error);
    setDeleting(undefined);
    if (error === undefined) setDone(`Deleted rule ${rule.name}.`);
    if (editing?.id === rule.id) setEditing(undefined);
    rules.reload();
  }

  function edit(rule: Rule) {
    setRefusal(undefined);
    setDone(undefined);
    setEditing(rule);
  }

  return (
    <section aria-labelledby="alert-rules">
      <h2 id="alert-rules">Alert rules</h2>
      {rules.data === undefined ? (
        <PageStatus error={rules.error} />
      ) : rules.data.items.length === 0 ? (
        <p>No alert rule yet.</p>
      ) : (
        <DataTable
          label="Alert rules"
          rows={rules.data.items}
          rowKey={(rule) => rule.id}
          rowAttributes={(rule) => ({ 'data-rule': rule.name })}
          columns={[
            { header: 'Rule', cell: (rule) => rule.name },
            { header: 'Condition', cell: (rule) => conditionText(rule.expr), cellAttributes: { className: 'mono' } },
            { header: 'For', cell: (rule) => rule.for },
            { header: 'Severity', cell: (rule) => rule.severity },
            {
              header: 'Actions',
              cell: (rule) => (
                <span className="actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Edit rule ${rule.name}`}
                    onClick={() => edit(rule)}
                  >
                    Edit
                  </button>
                  {deleting === rule.id ? (
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Confirm deleting rule ${rule.name}`}
                      onClick={() => void remove(rule)}
                    >
                      Confirm deleting
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Delete rule ${rule.name}`}
                      onClick={() => setDeleting(rule.id)}
                    >
                      Delete
                    </button>
                  )}
                </span>
              ),
            },
          ]}
        />
      )}
      <h3 id="rule-form-title">{editing === undefined ? 'Create an alert rule' : `Edit rule ${editing.name}`}</h3>
      <form
        key={editing?.id ?? 'new'}
        className="inline-form"
        aria-labelledby="rule-form-title"
        onSubmit={(event) => void submit(event)}
      >
        <label>
          Rule name
          <input name="name" required defaultValue={editing?.name} />
        </label>
        <label>
          Signal
          <input
            name="signal"
            required
            defaultValue={editing === undefined ? 'data.checks_failed' : String(editing.expr.signal)}
          />
        </label>
        <label>
          Window
          <input
            name="window"
            placeholder="5m"
            defaultValue={typeof editing?.expr.window === 'string' ? editing.expr.window : '1h'}
          />
        </label>
        <label>
          Filter (key=id, …)
          <input name="filter" defaultValue={filterText(editing?.expr.filter)} />
        </label>
        <label>
          Comparison
          <select name="op" defaultValue={editing === undefined ? '>' : String(editing.expr.op)}>
            {COMPARISONS.map((comparison) => (
              <option key={comparison}>{comparison}</option>
            ))}
          </select>
        </label>
        <label>
          Threshold
          <input
            name="threshold"
            inputMode="decimal"
            required
            defaultValue={editing === undefined ? '0' : String(editing.expr.threshold)}
          />
        </label>
        <label>
          For
          <input name="for" placeholder="0s" defaultValue={editing?.for ?? '0s'} />
        </label>
        <label>
          Severity
          <select name="severity" defaultValue={editing?.severity ?? 'warning'}>
            {SEVERITIES.map((severity) => (
              <option key={severity}>{severity}</option>
            ))}
          </select>
        </label>
        <button type="submit">{editing === undefined ? 'Create rule' : 'Save rule'}</button>
        {editing !== undefined && (
          <button type="button" className="secondary" onClick={() => setEditing(undefined)}>
            Cancel editing
          </button>
        )}
      </form>
      {done !== undefined && <p role="status">{done}</p>}
      {refusal !== undefined && <ProblemAlert problem={refusal} />}
    </section>
  );
}
