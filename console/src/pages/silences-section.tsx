import { useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { fieldOf } from '../forms/field-of';
import { useApi } from '../hooks/use-api';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

type Operator = Schemas['MatcherSchema']['op'];
const OPERATORS: readonly Operator[] = ['=', '!=', '=~', '!~'];
const HOUR_MS = 3_600_000;

const matchersText = (silence: Schemas['SilenceResponse']) =>
  silence.matchers.map((matcher) => `${matcher.name}${matcher.op}${matcher.value}`).join(', ');

/** The project's silences that have not ended: list, create one from a matcher, expire one now. */
export function SilencesSection({ projectId }: { projectId: string }) {
  const silences = useApi(
    () => api.GET('/api/v1/projects/{projectId}/silences', { params: { path: { projectId } } }),
    `silences:${projectId}`,
  );
  const [error, setError] = useState<string>();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const hours = Number(fieldOf(form, 'hours'));
    const { error: refused } = await api.POST('/api/v1/projects/{projectId}/silences', {
      params: { path: { projectId } },
      body: {
        matchers: [
          { name: fieldOf(form, 'name').trim(), op: fieldOf(form, 'op') as Operator, value: fieldOf(form, 'value') },
        ],
        endsAt: new Date(Date.now() + hours * HOUR_MS).toISOString(),
        comment: fieldOf(form, 'comment'),
      },
    });
    setError(refused === undefined ? undefined : problemText(refused));
    if (refused === undefined) {
      form.reset();
      silences.reload();
    }
  }

  async function expire(silenceId: string) {
    const { error: refused } = await api.DELETE('/api/v1/projects/{projectId}/silences/{silenceId}', {
      params: { path: { projectId, silenceId } },
    });
    setError(refused === undefined ? undefined : problemText(refused));
    silences.reload();
  }

  return (
    <section aria-labelledby="silences">
      <h2 id="silences">Silences</h2>
      {silences.data === undefined ? (
        <PageStatus error={silences.error} />
      ) : silences.data.items.length === 0 ? (
        <p>No silence in force.</p>
      ) : (
        <DataTable
          label="Silences"
          rows={silences.data.items.map((silence) => ({ silence, matchers: matchersText(silence) }))}
          rowKey={({ silence }) => silence.id}
          rowAttributes={({ matchers }) => ({ 'data-silence': matchers })}
          columns={[
            { header: 'Matchers', cell: ({ matchers }) => matchers, cellAttributes: { className: 'mono' } },
            { header: 'Ends', cell: ({ silence }) => new Date(silence.endsAt).toLocaleString() },
            { header: 'Comment', cell: ({ silence }) => silence.comment },
            {
              header: 'Actions',
              cell: ({ silence, matchers }) => (
                <button
                  type="button"
                  className="danger"
                  aria-label={`Expire silence ${matchers}`}
                  onClick={() => void expire(silence.id)}
                >
                  Expire
                </button>
              ),
            },
          ]}
        />
      )}
      <h3>Silence matching alerts</h3>
      <form onSubmit={(event) => void create(event)} className="inline-form">
        <label>
          Label
          <input name="name" required defaultValue="alertname" />
        </label>
        <label>
          Operator
          <select name="op" defaultValue="=">
            {OPERATORS.map((operator) => (
              <option key={operator}>{operator}</option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input name="value" required />
        </label>
        <label>
          For (hours)
          <input name="hours" type="number" min="0.25" step="0.25" required defaultValue="2" />
        </label>
        <label>
          Comment
          <input name="comment" />
        </label>
        <button type="submit">Create silence</button>
      </form>
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
