import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, problemText } from '../api/client';
import { fieldOf } from '../forms/field-of';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

const metricsText = (metrics: Record<string, number>) =>
  Object.entries(metrics)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ') || '—';

/** A model: its aliases (moved here) and its versions with their metrics. */
export function ModelPage() {
  const modelId = useParams().modelId!;
  const model = useApi(
    () => api.GET('/api/v1/models/{modelId}', { params: { path: { modelId } } }),
    `model:${modelId}`,
  );
  const versions = useApi(
    () => api.GET('/api/v1/models/{modelId}/versions', { params: { path: { modelId }, query: { limit: 100 } } }),
    `versions:${modelId}`,
  );
  usePageTitle(model.data?.name ?? 'Model');
  const [aliasError, setAliasError] = useState<string>();

  async function moveAlias(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { error } = await api.PUT('/api/v1/models/{modelId}/aliases/{alias}', {
      params: { path: { modelId, alias: fieldOf(form, 'alias').trim() } },
      body: { versionId: fieldOf(form, 'versionId') },
    });
    setAliasError(error === undefined ? undefined : problemText(error));
    if (error === undefined) model.reload();
  }

  if (model.data === undefined) return <PageStatus error={model.error} />;
  return (
    <>
      <h1>{model.data.name}</h1>
      <p>
        {model.data.description} ·{' '}
        <Link to={`/projects/${model.data.projectId}/models`}>all models of the project</Link>
      </p>
      <section aria-labelledby="aliases">
        <h2 id="aliases">Aliases</h2>
        {model.data.aliases.length === 0 ? (
          <p>No alias yet.</p>
        ) : (
          <DataTable
            label="Aliases"
            rows={model.data.aliases}
            rowKey={(alias) => alias.alias}
            rowAttributes={(alias) => ({ 'data-alias': alias.alias })}
            columns={[
              { header: 'Alias', cell: (alias) => alias.alias },
              {
                header: 'Version',
                cell: (alias) => <Link to={`/model-versions/${alias.versionId}`}>version {alias.version}</Link>,
              },
              { header: 'Moved', cell: (alias) => new Date(alias.updatedAt).toLocaleString() },
            ]}
          />
        )}
        <h3>Move an alias</h3>
        <form onSubmit={(event) => void moveAlias(event)} className="inline-form">
          <label>
            Alias
            <input name="alias" required pattern="[A-Za-z0-9._-]+" defaultValue="champion" />
          </label>
          <label>
            To version
            <select name="versionId" required>
              {versions.data?.items.map((version) => (
                <option key={version.id} value={version.id}>
                  version {version.number} ({version.status})
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Move alias</button>
        </form>
        {aliasError !== undefined && (
          <p role="alert" className="error">
            {aliasError}
          </p>
        )}
      </section>
      <section aria-labelledby="versions">
        <h2 id="versions">Versions</h2>
        <p>
          <Link to={`/models/${modelId}/compare`}>Compare versions side by side</Link>
        </p>
        {versions.data === undefined ? (
          <PageStatus error={versions.error} />
        ) : (
          <DataTable
            label="Versions"
            rows={versions.data.items}
            rowKey={(version) => version.id}
            columns={[
              {
                header: 'Version',
                cell: (version) => <Link to={`/model-versions/${version.id}`}>version {version.number}</Link>,
              },
              { header: 'Status', cell: (version) => version.status },
              { header: 'Framework', cell: (version) => version.framework },
              { header: 'Metrics', cell: (version) => metricsText(version.metrics) },
              { header: 'Registered', cell: (version) => new Date(version.createdAt).toLocaleString() },
            ]}
          />
        )}
      </section>
    </>
  );
}
