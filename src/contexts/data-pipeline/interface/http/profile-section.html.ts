import type { ColumnProfile, HistogramBin } from '../../domain/dataset/column-profile.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { escapeHtml } from './html-escape.js';

const CHART_WIDTH = 120;
const CHART_HEIGHT = 32;

/** The checked version's profile: a row per column, numeric columns with a small histogram. */
export function profileSection(version: DatasetVersion): string {
  const rows = version.profile.map(columnRow).join('');
  return [
    `<h2>Profile of version ${escapeHtml(version.number)} (${escapeHtml(version.rowCount)} rows)</h2>`,
    '<table><thead><tr><th>Column</th><th>Type</th><th>Nulls</th><th>Distinct</th>',
    '<th>Min</th><th>Max</th><th>Mean</th><th>Histogram</th></tr></thead>',
    `<tbody>${rows}</tbody></table>`,
  ].join('');
}

function columnRow(column: ColumnProfile): string {
  const cells = [
    column.name,
    column.type,
    column.nulls,
    column.distinctEstimate,
    column.min ?? '',
    column.max ?? '',
    column.mean === null ? '' : column.mean.toPrecision(4),
  ].map((value) => `<td>${escapeHtml(value)}</td>`);
  return `<tr>${cells.join('')}<td>${column.histogram ? histogramChart(column.histogram) : ''}</td></tr>`;
}

/** Bars drawn with SVG attributes, not style attributes: the page's policy allows no inline style but its block. */
function histogramChart(bins: readonly HistogramBin[]): string {
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const width = CHART_WIDTH / Math.max(1, bins.length);
  const bars = bins.map((bin, index) => {
    const height = (bin.count / highest) * CHART_HEIGHT;
    const label = `${bin.lower} to ${bin.upper}: ${bin.count}`;
    return (
      `<rect x="${(index * width).toFixed(1)}" y="${(CHART_HEIGHT - height).toFixed(1)}" ` +
      `width="${Math.max(1, width - 1).toFixed(1)}" height="${height.toFixed(1)}"><title>${escapeHtml(label)}</title></rect>`
    );
  });
  return `<svg class="histogram" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" role="img">${bars.join('')}</svg>`;
}
