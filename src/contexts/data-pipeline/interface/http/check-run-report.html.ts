import { createHash } from 'node:crypto';
import type { KeyValue } from '../../domain/checks/check-result.js';
import type { StoredCheckResult } from '../../domain/checks/check-run.js';
import type { CheckRunReport } from '../../application/get-check-run-report/get-check-run-report.query.js';
import { escapeHtml } from './html-escape.js';
import { profileSection } from './profile-section.html.js';

const STYLE = [
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}',
  'table{border-collapse:collapse;width:100%}',
  'th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left;vertical-align:top}',
  '.pass{color:#1a7f37}.warn{color:#9a6700}.fail{color:#cf222e}',
  'code{font-size:.9em}',
  '.histogram{fill:#0969da}',
].join('');

/**
 * The report page's own policy: nothing loads or runs, and its one style block is allowed by its
 * hash (the API's policy, default-src 'none', would leave it unstyled). It holds no script at all.
 */
export const REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A run as a human-readable page, Data Docs style: each check, its verdict, the keys of failing rows, and the version's profile. */
export function renderCheckRunReport({ run, version }: CheckRunReport): string {
  const rows = run.results.map(resultRow).join('');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>Check run ${escapeHtml(run.id)}</title><style>${STYLE}</style></head><body>`,
    `<h1>Check run <span class="${escapeHtml(run.status)}">${escapeHtml(run.status)}</span></h1>`,
    '<dl>',
    run.versionId === null
      ? `<dt>Pipeline run</dt><dd><code>${escapeHtml(run.pipelineRunId ?? '')}</code></dd>`
      : `<dt>Dataset version</dt><dd><code>${escapeHtml(run.versionId)}</code></dd>`,
    `<dt>Run</dt><dd><code>${escapeHtml(run.id)}</code> at ${escapeHtml(run.createdAt.toISOString())}</dd>`,
    '</dl>',
    '<table><thead><tr><th>Check</th><th>Kind</th><th>Severity</th><th>Status</th>',
    '<th>Observed</th><th>Threshold</th><th>Failing rows</th></tr></thead>',
    `<tbody>${rows}</tbody></table>`,
    version ? profileSection(version) : '',
    '</body></html>',
  ].join('');
}

function resultRow(result: StoredCheckResult): string {
  const cells = [
    escapeHtml(result.check),
    escapeHtml(result.kind),
    escapeHtml(result.severity),
    `<span class="${escapeHtml(result.status)}">${escapeHtml(result.status)}</span>`,
    escapeHtml(result.observedValue ?? 'not measured'),
    escapeHtml(result.threshold),
    failingRowsCell(result),
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

function failingRowsCell(result: StoredCheckResult): string {
  const rows = result.failingRows;
  if (!rows) return '';
  const shown = rows.keys.map((key) => `<li><code>${escapeHtml(keyText(key))}</code></li>`).join('');
  const header = `${escapeHtml(rows.total)} in all, by ${escapeHtml(rows.keyColumns.join(', '))}`;
  const more = rows.total > rows.keys.length ? `<p>${escapeHtml(rows.keys.length)} shown</p>` : '';
  return `${header}${shown ? `<ul>${shown}</ul>` : ''}${more}`;
}

function keyText(key: readonly KeyValue[]): string {
  return key.map((value) => (value === null ? 'null' : String(value))).join(', ');
}
