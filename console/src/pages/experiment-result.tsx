import type { Schemas } from '../api/client';
import { PromoteWinner } from './promote-winner';

type Experiment = Schemas['ExperimentResponse'];

/** The significance test between the two primary variants, and what promotion decided from it. */
export function ExperimentResult({ experiment }: { experiment: Experiment }) {
  const { comparison, options } = experiment;
  const winner = experiment.variants.find((variant) => variant.variant === comparison?.winner);
  return (
    <section aria-labelledby="experiment">
      <h2 id="experiment">Experiment</h2>
      <p>
        Status: <strong data-experiment-status={experiment.status}>{experiment.status.replaceAll('-', ' ')}</strong> ·
        metric {options.metric} · {options.test} test at α = {options.alpha} · at least {options.minSamples} samples per
        variant
      </p>
      {comparison === undefined ? (
        <p>No comparison yet: the two primary variants need feedback first.</p>
      ) : (
        <dl className="facts">
          <dt>Compared</dt>
          <dd>
            {comparison.first} against {comparison.second} ({comparison.test})
          </dd>
          <dt>Difference</dt>
          <dd>{comparison.difference.toFixed(4)}</dd>
          <dt>{Math.round(comparison.confidenceLevel * 100)} % interval</dt>
          <dd>[{comparison.confidenceInterval.map((bound) => bound.toFixed(4)).join(', ')}]</dd>
          <dt>p-value</dt>
          <dd data-p-value>{comparison.pValue.toPrecision(3)}</dd>
          <dt>Winner</dt>
          <dd>{comparison.winner ?? (comparison.significant ? 'none' : 'none yet (not significant)')}</dd>
        </dl>
      )}
      <h3>Promotion</h3>
      {winner !== undefined && <PromoteWinner winner={winner} alias={options.promote.alias} />}
      {experiment.decisions.length === 0 ? (
        <p>
          {options.promote.enabled ? 'The winner has not been promoted yet.' : 'Promotion is off for this deployment.'}
        </p>
      ) : (
        <ul>
          {experiment.decisions.map((decision) => (
            <li key={decision.decidedAt} data-decision={decision.outcome}>
              {new Date(decision.decidedAt).toLocaleString()}: {decision.outcome} {decision.modelName}@{decision.alias}{' '}
              to {decision.winnerVariant}&apos;s version (p = {decision.pValue.toPrecision(3)})
              {decision.reason && `: ${decision.reason}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
