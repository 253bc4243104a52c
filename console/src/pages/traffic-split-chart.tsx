import type { Schemas } from '../api/client';

type VariantMetrics = Schemas['VariantMetricsResponse'];

const WIDTH = 300;
const BAR_HEIGHT = 18;
const GAP = 8;

/** Share of the answered predictions each variant served, as horizontal bars (SVG: no inline style under the CSP). */
export function TrafficSplitChart({ variants }: { variants: readonly VariantMetrics[] }) {
  const total = variants.reduce((sum, variant) => sum + variant.predictions, 0);
  const shareOf = (variant: VariantMetrics) => (total === 0 ? 0 : variant.predictions / total);
  const label = `Live traffic split: ${variants.map((variant) => `${variant.variant} ${percent(shareOf(variant))}`).join(', ')}`;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH + 120} ${variants.length * (BAR_HEIGHT + GAP)}`}
      width="100%"
    >
      {variants.map((variant, index) => (
        <g key={variant.variant} transform={`translate(0 ${index * (BAR_HEIGHT + GAP)})`}>
          <text x={0} y={BAR_HEIGHT - 4}>
            {variant.variant}
          </text>
          <rect x={60} width={Math.max(1, shareOf(variant) * WIDTH)} height={BAR_HEIGHT} />
          <text x={66 + shareOf(variant) * WIDTH} y={BAR_HEIGHT - 4}>
            {percent(shareOf(variant))}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
