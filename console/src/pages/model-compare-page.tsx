import { Link, useParams, useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ComparisonTable } from '../compare/comparison-table';
import { compareLeaves, flatten } from '../compare/flatten';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';

type Version = Schemas['ModelVersionResponse'];

const FACETS: readonly { id: string; title: string; keyHeading: string; of: (version: Version) => unknown }[] = [
  { id: 'compare-metrics', title: 'Metrics', keyHeading: 'Metric', of: (version) => version.metrics },
  { id: 'compare-params', title: 'Parameters', keyHeading: 'Parameter', of: (version) => version.params },
  { id: 'compare-tags', title: 'Tags', keyHeading: 'Tag', of: (version) => version.tags },
  { id: 'compare-signature', title: 'Signature', keyHeading: 'Field', of: (version) => version.signature },
  {
    id: 'compare-facts',
    title: 'Facts',
    keyHeading: 'Fact',
    of: (version) => ({
      status: version.status,
      framework: version.framework,
      trainingDatasets: version.trainingDatasets.map((dataset) => dataset.name).join(', ') || 'none',
    }),
  },
];

/**
 * Two or more versions of a model side by side, as MLflow's compare view: their metrics,
 * parameters, tags and signatures, a row per key, with the rows that differ marked. The chosen
 * versions are in the address (`?versions=a,b`), so a comparison can be linked to.
 */
export function ModelComparePage() {
  const modelId = useParams().modelId!;
  const [search, setSearch] = useSearchParams();
  const chosen = (search.get('versions') ?? '').split(',').filter((id) => id !== '');
  const model = useApi(
    () => api.GET('/api/v1/models/{modelId}', { params: { path: { modelId } } }),
    `model:${modelId}`,
  );
  const versions = useApi(
    () => api.GET('/api/v1/models/{modelId}/versions', { params: { path: { modelId }, query: { limit: 100 } } }),
    `versions:${modelId}`,
  );
  usePageTitle(model.data === undefined ? 'Compare versions' : `Compare versions of ${model.data.name}`);

  function toggle(versionId: string, on: boolean) {
    const next = on ? [...chosen, versionId] : chosen.filter((id) => id !== versionId);
    setSearch({ versions: next.join(',') }, { replace: true });
  }

  if (versions.data === undefined) return <PageStatus error={versions.error} />;
  // In version order, whatever order they were ticked in.
  const compared = versions.data.items
    .filter((version) => chosen.includes(version.id))
    .sort((left, right) => left.number - right.number);
  const headings = compared.map((version) => `Version ${version.number}`);
  return (
    <>
      <h1>Compare versions{model.data === undefined ? '' : ` of ${model.data.name}`}</h1>
      <p>
        <Link to={`/models/${modelId}`}>Back to the model</Link>
      </p>
      <fieldset className="choices">
        <legend>Versions to compare</legend>
        {versions.data.items.map((version) => (
          <label key={version.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(version.id)}
              onChange={(event) => toggle(version.id, event.currentTarget.checked)}
            />
            Version {version.number} ({version.status})
          </label>
        ))}
      </fieldset>
      {compared.length < 2 ? (
        <p role="status">Choose two or more versions to compare them.</p>
      ) : (
        FACETS.map((facet) => (
          <section key={facet.id} aria-labelledby={facet.id}>
            <h2 id={facet.id}>{facet.title}</h2>
            <ComparisonTable
              caption={facet.title}
              keyHeading={facet.keyHeading}
              versionHeadings={headings}
              rows={compareLeaves(compared.map((version) => flatten(facet.of(version))))}
            />
          </section>
        ))
      )}
    </>
  );
}
