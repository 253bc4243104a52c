import type { Schemas } from '../api/client';
import { percent } from '../pages/traffic-split-chart';

type ColumnProfile = Schemas['ColumnProfileResponse'];

const WIDTH = 240;
const HISTOGRAM_HEIGHT = 80;
const BAR = 14;
const BAR_GAP = 4;
const LABEL_WIDTH = 90;
const TOP_VALUES_SHOWN = 5;

const shown = (value: string | number | boolean | null) => (value === null ? '—' : String(value));
const rounded = (value: number) => (Number.isInteger(value) ? String(value) : value.toPrecision(4));

/**
 * One column of a dataset version's profile as a small card: the share of nulls as a bar, the
 * distinct count and range as text, and the histogram (numeric columns) or the most frequent values.
 * Each drawing is an image whose label says in words what it shows, for a screen reader.
 */
export function ColumnProfileChart({ column, rowCount }: { column: ColumnProfile; rowCount: number }) {
  const nullShare = rowCount === 0 ? 0 : column.nulls / rowCount;
  return (
    <figure className="profile-card" data-profile-column={column.name}>
      <figcaption>
        <strong>{column.name}</strong> <span className="muted">{column.type}</span>
      </figcaption>
      <svg
        className="null-share"
        role="img"
        aria-label={`${column.name}: ${percent(nullShare)} null (${column.nulls} of ${rowCount} rows)`}
        viewBox={`0 0 ${WIDTH} ${BAR}`}
        width="100%"
      >
        <rect className="track" width={WIDTH} height={BAR} />
        <rect className="nulls" width={nullShare * WIDTH} height={BAR} />
      </svg>
      <dl className="facts compact">
        <dt>Nulls</dt>
        <dd>
          {column.nulls} ({percent(nullShare)})
        </dd>
        <dt>Distinct (about)</dt>
        <dd>{column.distinctEstimate}</dd>
        <dt>Min – max</dt>
        <dd>
          {shown(column.min)} – {shown(column.max)}
        </dd>
        {column.mean != null && (
          <>
            <dt>Mean</dt>
            <dd>
              {rounded(column.mean)}
              {column.stddev != null && ` (σ ${rounded(column.stddev)})`}
            </dd>
          </>
        )}
      </dl>
      {column.histogram != null && column.histogram.length > 0 ? (
        <Histogram name={column.name} bins={column.histogram} />
      ) : (
        column.topValues.length > 0 && <TopValues name={column.name} values={column.topValues} />
      )}
    </figure>
  );
}

function Histogram({ name, bins }: { name: string; bins: readonly Schemas['HistogramBinResponse'][] }) {
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const width = WIDTH / bins.length;
  const label = `Histogram of ${name}: ${bins
    .map((bin) => `${rounded(bin.lower)} to ${rounded(bin.upper)}: ${bin.count}`)
    .join('; ')}`;
  return (
    <svg
      className="histogram"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HISTOGRAM_HEIGHT + 16}`}
      width="100%"
    >
      {bins.map((bin, index) => {
        const height = (bin.count / highest) * HISTOGRAM_HEIGHT;
        return (
          <rect
            key={`${bin.lower}-${bin.upper}`}
            x={index * width + 1}
            y={HISTOGRAM_HEIGHT - height}
            width={Math.max(1, width - 2)}
            height={height}
          />
        );
      })}
      <text x={0} y={HISTOGRAM_HEIGHT + 13}>
        {rounded(bins[0].lower)}
      </text>
      <text x={WIDTH} y={HISTOGRAM_HEIGHT + 13} textAnchor="end">
        {rounded(bins[bins.length - 1].upper)}
      </text>
    </svg>
  );
}

function TopValues({ name, values }: { name: string; values: readonly Schemas['TopValueResponse'][] }) {
  const top = values.slice(0, TOP_VALUES_SHOWN);
  const highest = Math.max(1, ...top.map((value) => value.count));
  const barWidth = WIDTH - LABEL_WIDTH - 30;
  const label = `Most frequent values of ${name}: ${top.map((value) => `${value.value} ${value.count}`).join(', ')}`;
  return (
    <svg
      className="top-values"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${top.length * (BAR + BAR_GAP)}`}
      width="100%"
    >
      {top.map((value, index) => (
        <g key={value.value} transform={`translate(0 ${index * (BAR + BAR_GAP)})`}>
          <text x={0} y={BAR - 3}>
            {value.value.length > 12 ? `${value.value.slice(0, 11)}…` : value.value}
          </text>
          <rect x={LABEL_WIDTH} width={Math.max(1, (value.count / highest) * barWidth)} height={BAR} />
          <text x={LABEL_WIDTH + (value.count / highest) * barWidth + 4} y={BAR - 3}>
            {value.count}
          </text>
        </g>
      ))}
    </svg>
  );
}
