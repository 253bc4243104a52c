import type { VariantSeries } from './bucket-predictions';

const WIDTH = 520;
const HEIGHT = 160;
const LEFT = 56;
const BOTTOM = 20;
const TOP = 8;
// Each variant's line has its own dash and marker, so the lines are told apart without colour.
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function Marker({ shape, x, y }: { shape: (typeof MARKERS)[number]; x: number; y: number }) {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={3.5} />;
    case 'square':
      return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} />;
    case 'triangle':
      return <polygon points={`${x},${y - 4.5} ${x - 4},${y + 3.5} ${x + 4},${y + 3.5}`} />;
    case 'diamond':
      return <polygon points={`${x},${y - 4.5} ${x - 4.5},${y} ${x},${y + 4.5} ${x + 4.5},${y}`} />;
  }
}

/**
 * One figure (latency, error rate) over time, a line per variant, drawn in SVG attributes only
 * (no inline style under the console's policy). Its label states each variant's latest value and
 * range; the figures are also given as a table next to it.
 */
export function TimeSeriesChart({
  title,
  series,
  valueOf,
  format,
  floorMax,
}: {
  title: string;
  series: readonly VariantSeries[];
  valueOf: (bucket: VariantSeries['buckets'][number]) => number | null;
  format: (value: number) => string;
  /** The top of the scale is at least this, so a flat line near zero does not fill the chart. */
  floorMax: number;
}) {
  const starts = series[0]?.buckets.map((bucket) => bucket.start) ?? [];
  const values = series.flatMap((line) => line.buckets.map(valueOf)).filter((value) => value !== null);
  const max = Math.max(floorMax, ...values);
  const step = starts.length > 1 ? (WIDTH - LEFT) / (starts.length - 1) : 0;
  const x = (index: number) => LEFT + index * step;
  const y = (value: number) => TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
  const summary = series
    .map((line) => {
      const seen = line.buckets.map(valueOf).filter((value) => value !== null);
      if (seen.length === 0) return `${line.variant}: no prediction`;
      return `${line.variant}: latest ${format(seen[seen.length - 1])}, from ${format(Math.min(...seen))} to ${format(Math.max(...seen))}`;
    })
    .join('; ');
  return (
    <figure className="time-series">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}. ${summary || 'No prediction in the window.'}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
      >
        <line className="axis" x1={LEFT} y1={HEIGHT - BOTTOM} x2={WIDTH} y2={HEIGHT - BOTTOM} />
        <line className="axis" x1={LEFT} y1={TOP} x2={LEFT} y2={HEIGHT - BOTTOM} />
        <text x={LEFT - 4} y={TOP + 10} textAnchor="end">
          {format(max)}
        </text>
        <text x={LEFT - 4} y={HEIGHT - BOTTOM} textAnchor="end">
          {format(0)}
        </text>
        {starts.length > 0 && (
          <>
            <text x={LEFT} y={HEIGHT - 4}>
              {time(starts[0])}
            </text>
            <text x={WIDTH} y={HEIGHT - 4} textAnchor="end">
              {time(starts[starts.length - 1])}
            </text>
          </>
        )}
        {series.map((line, index) => {
          const points = line.buckets
            .map((bucket, at) => ({ at, value: valueOf(bucket) }))
            .filter((point): point is { at: number; value: number } => point.value !== null);
          return (
            <g key={line.variant} className={`series series-${index % DASHES.length}`} data-series={line.variant}>
              <polyline
                points={points.map((point) => `${x(point.at)},${y(point.value)}`).join(' ')}
                strokeDasharray={DASHES[index % DASHES.length] || undefined}
              />
              {points.map((point) => (
                <Marker key={point.at} shape={MARKERS[index % MARKERS.length]} x={x(point.at)} y={y(point.value)} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-hidden="true">
        {series.map((line, index) => (
          <li key={line.variant}>
            <svg viewBox="0 0 40 12" width="40" height="12" className={`series series-${index % DASHES.length}`}>
              <line x1={0} y1={6} x2={40} y2={6} strokeDasharray={DASHES[index % DASHES.length] || undefined} />
              <Marker shape={MARKERS[index % MARKERS.length]} x={20} y={6} />
            </svg>{' '}
            {line.variant}
          </li>
        ))}
      </ul>
    </figure>
  );
}
