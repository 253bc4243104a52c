import { useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { fieldOf } from '../forms/field-of';

type VariantMetrics = Schemas['VariantMetricsResponse'];

/**
 * Moves an alias of the winner's model to the version the winning variant serves: the promotion a
 * person decides, where the deployment's experiment does not promote by itself (or not that alias).
 */
export function PromoteWinner({ winner, alias }: { winner: VariantMetrics; alias: string }) {
  const [outcome, setOutcome] = useState<{ error?: string; moved?: string }>({});

  async function promote(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = fieldOf(event.currentTarget, 'alias').trim();
    const version = await api.GET('/api/v1/model-versions/{id}', { params: { path: { id: winner.modelVersionId } } });
    if (version.data === undefined) return setOutcome({ error: problemText(version.error) });
    const { error } = await api.PUT('/api/v1/models/{modelId}/aliases/{alias}', {
      params: { path: { modelId: version.data.modelId, alias: chosen } },
      body: { versionId: winner.modelVersionId },
    });
    setOutcome(
      error === undefined
        ? { moved: `Moved ${chosen} to version ${version.data.number}, which ${winner.variant} serves.` }
        : { error: problemText(error) },
    );
  }

  return (
    <>
      <form onSubmit={(event) => void promote(event)} className="inline-form">
        <label>
          Alias to move
          <input name="alias" required defaultValue={alias} />
        </label>
        <button type="submit">Promote {winner.variant}</button>
      </form>
      {outcome.moved !== undefined && <p role="status">{outcome.moved}</p>}
      {outcome.error !== undefined && (
        <p role="alert" className="error">
          {outcome.error}
        </p>
      )}
    </>
  );
}
