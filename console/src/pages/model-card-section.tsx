import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { fieldOf } from '../forms/field-of';
import { ProblemAlert } from '../forms/problem-alert';
import { useApi } from '../hooks/use-api';
import { PageStatus } from './page-status';

type CardSection = keyof Omit<Schemas['ModelCardRequest'], 'status'>;

const SECTIONS: readonly { name: CardSection; title: string }[] = [
  { name: 'intendedUse', title: 'Intended use' },
  { name: 'limitations', title: 'Limitations' },
  { name: 'evaluationData', title: 'Evaluation data' },
  { name: 'ethicalConsiderations', title: 'Ethical considerations' },
  { name: 'markdown', title: 'Notes (markdown)' },
];

function statusText({ status, finalizedAt, version }: Schemas['ModelCardResponse']): string {
  if (status === 'final')
    return `Final${finalizedAt == null ? '' : ` since ${new Date(finalizedAt).toLocaleString()}`}: it no longer changes.`;
  return version === 0 ? 'Nobody has written this card yet.' : `Draft, revision ${version}.`;
}

/**
 * A version's model card: its sections as written, and a form that saves them as a draft or makes
 * the card final. The save names the revision it edits (If-Match), so a card changed meanwhile by
 * someone else is refused with the API's explanation rather than overwritten.
 */
export function ModelCardSection({ versionId }: { versionId: string }) {
  const card = useApi(
    () => api.GET('/api/v1/model-versions/{id}/model-card', { params: { path: { id: versionId } } }),
    `model-card:${versionId}`,
  );
  const [editing, setEditing] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const [saved, setSaved] = useState<string>();

  async function save(event: FormEvent<HTMLFormElement>, revision: number) {
    event.preventDefault();
    const form = event.currentTarget;
    const sections = Object.fromEntries(SECTIONS.map(({ name }) => [name, fieldOf(form, name)]));
    const final = fieldOf(form, 'final') === 'yes';
    const { data, error } = await api.PUT('/api/v1/model-versions/{id}/model-card', {
      params: { path: { id: versionId } },
      headers: { 'if-match': `"${revision}"` },
      body: { ...sections, status: final ? 'final' : 'draft' },
    });
    setRefusal(error);
    if (data !== undefined) {
      setEditing(false);
      setSaved(data.status === 'final' ? 'Saved; the card is final now.' : `Saved as revision ${data.version}.`);
      card.reload();
    }
  }

  function startEditing() {
    setRefusal(undefined);
    setSaved(undefined);
    setEditing(true);
  }

  return (
    <section aria-labelledby="model-card">
      <h2 id="model-card">Model card</h2>
      {card.data === undefined ? (
        <PageStatus error={card.error} />
      ) : (
        <>
          <p data-card-status={card.data.status}>{statusText(card.data)}</p>
          {editing ? (
            <form
              key={card.data.version}
              className="stack"
              aria-label="Edit the model card"
              onSubmit={(event) => void save(event, card.data!.version)}
            >
              {SECTIONS.map(({ name, title }) => (
                <label key={name}>
                  {title}
                  <textarea name={name} rows={name === 'markdown' ? 8 : 3} defaultValue={card.data![name]} />
                </label>
              ))}
              <label className="checkbox">
                <input type="checkbox" name="final" value="yes" />
                Make the card final (it can never be changed again)
              </label>
              <p className="actions">
                <button type="submit">Save model card</button>
                <button type="button" className="secondary" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </p>
            </form>
          ) : (
            <>
              <dl className="facts">
                {SECTIONS.map(({ name, title }) => (
                  <div key={name} data-card-section={name}>
                    <dt>{title}</dt>
                    <dd className="prose">{card.data![name] || '—'}</dd>
                  </div>
                ))}
              </dl>
              {card.data.status === 'draft' && (
                <button type="button" onClick={startEditing}>
                  Edit model card
                </button>
              )}
            </>
          )}
          {saved !== undefined && <p role="status">{saved}</p>}
          {refusal !== undefined && (
            <>
              <ProblemAlert problem={refusal} />
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setRefusal(undefined);
                  setEditing(false);
                  card.reload();
                }}
              >
                Load the current card
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
