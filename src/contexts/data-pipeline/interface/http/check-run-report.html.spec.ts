import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { aCheckRun, aProfiledVersion } from '../../../../../test/support/data-pipeline/check-runs.js';
import { REPORT_CONTENT_SECURITY_POLICY, renderCheckRunReport } from './check-run-report.html.js';

describe('renderCheckRunReport', () => {
  const base = aCheckRun({ versionId: '0190d7a8-0000-7000-8000-0000000000v1' });
  const [first] = base.results;
  const hostile = '<script>alert("x")</script>';
  const run = {
    ...base,
    status: 'fail' as const,
    results: [
      {
        ...first,
        check: hostile,
        status: 'fail' as const,
        failingRows: { total: 3, keys: [[`a'<b>`], [7]], keyColumns: ['id"'] },
      },
    ],
  };

  it('escapes every value the users wrote, and holds no script', () => {
    const page = renderCheckRunReport({ run, version: aProfiledVersion(hostile) });

    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('<code>a&#39;&lt;b&gt;</code>');
    expect(page).toContain('3 in all, by id&quot;');
    expect(page).toContain('2 shown');
  });

  it("shows the version's profile, a numeric column's histogram as SVG bars scaled to the highest", () => {
    const page = renderCheckRunReport({ run, version: aProfiledVersion(hostile) });

    expect(page).toContain('Profile of version 3 (4 rows)');
    const heights = [...page.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(heights).toEqual([32, 16, 16]);
    expect(page).toContain('<title>1 to 2: 2</title>');
    expect(page).not.toMatch(/ style=/);
  });

  it('allows its one style block by hash and nothing else', () => {
    const page = renderCheckRunReport({ run, version: aProfiledVersion(hostile) });
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';

    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(REPORT_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|unsafe-inline/);
  });
});
