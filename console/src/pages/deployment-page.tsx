import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { VariantTimelineSection } from '../timeline/variant-timeline-section';
import { ExperimentResult } from './experiment-result';
import { PageStatus } from './page-status';
import { percent, TrafficSplitChart } from './traffic-split-chart';
import { DataTable } from '../shell/data-table';

// How often the live figures are read again: predictions arrive continuously, a few seconds late is fine.
const METRICS_POLL_MS = 2000;

/** One deployment: its variants and routing, with the live split, latency and errors per variant from its experiment. */
export function DeploymentPage() {
  const deploymentId = useParams().deploymentId!;
  const deployment = useApi(
    () => api.GET('/api/v1/deployments/{deploymentId}', { params: { path: { deploymentId } } }),
    `deployment:${deploymentId}`,
  );
  const experiment = useApi(
    () => api.GET('/api/v1/deployments/{deploymentId}/experiment', { params: { path: { deploymentId } } }),
    `experiment:${deploymentId}`,
    METRICS_POLL_MS,
  );
  usePageTitle(deployment.data === undefined ? 'Deployment' : `Deployment ${deployment.data.name}`);

  if (deployment.data === undefined) return <PageStatus error={deployment.error} />;
  const { data } = deployment;
  const totalWeight = data.variants.reduce((sum, variant) => sum + (variant.shadow ? 0 : variant.weight), 0);
  const metricsOf = (name: string) => experiment.data?.variants.find((variant) => variant.variant === name);
  return (
    <>
      <h1>Deployment {data.name}</h1>
      <p>
        Routing: <strong>{data.routing.mode}</strong> · revision {data.version} ·{' '}
        <Link to={`/projects/${data.projectId}/deployments`}>all deployments</Link>
      </p>
      {data.description && <p>{data.description}</p>}
      <section aria-labelledby="variants">
        <h2 id="variants">Variants</h2>
        <DataTable
          label="Variants"
          rows={data.variants.map((variant) => ({ variant, metrics: metricsOf(variant.name) }))}
          rowKey={({ variant }) => variant.name}
          rowAttributes={({ variant }) => ({ 'data-variant': variant.name })}
          columns={[
            { header: 'Variant', cell: ({ variant }) => variant.name },
            { header: 'Model', cell: ({ variant }) => variant.model, cellAttributes: { className: 'mono' } },
            {
              header: 'Version',
              cell: ({ variant }) => (
                <Link to={`/model-versions/${variant.modelVersionId}`}>version {variant.modelVersionNumber}</Link>
              ),
            },
            { header: 'Runtime', cell: ({ variant }) => variant.runtime },
            {
              header: 'Weight',
              cell: ({ variant }) =>
                variant.shadow
                  ? 'shadow'
                  : `${variant.weight} (${percent(totalWeight === 0 ? 0 : variant.weight / totalWeight)})`,
            },
            {
              header: 'Predictions',
              cell: ({ metrics }) => metrics?.predictions ?? '—',
              cellAttributes: { 'data-predictions': true },
            },
            {
              header: 'Mean latency',
              cell: ({ metrics }) => (metrics === undefined ? '—' : `${metrics.meanLatencyMs.toFixed(1)} ms`),
            },
            { header: 'Error rate', cell: ({ metrics }) => (metrics === undefined ? '—' : percent(metrics.errorRate)) },
          ]}
        />
      </section>
      <section aria-labelledby="traffic">
        <h2 id="traffic">Live traffic split</h2>
        {experiment.data === undefined ? (
          <PageStatus error={experiment.error} />
        ) : (
          <TrafficSplitChart variants={experiment.data.variants} />
        )}
      </section>
      <VariantTimelineSection deploymentId={deploymentId} />
      {experiment.data !== undefined && <ExperimentResult experiment={experiment.data} />}
    </>
  );
}
