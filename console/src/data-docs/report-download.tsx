import { useState } from 'react';
import { api, problemText } from '../api/client';

/**
 * The check run's HTML report, saved as a file. A plain link would not carry the access token,
 * which lives in memory only, and the console's policy frames nothing; so the report is fetched
 * with the token and handed to the browser as a download.
 */
export function ReportDownload({ checkRunId }: { checkRunId: string }) {
  const [error, setError] = useState<string>();

  async function download() {
    const { data, error: refused } = await api.GET('/api/v1/check-runs/{checkRunId}/report.html', {
      params: { path: { checkRunId } },
      parseAs: 'blob',
    });
    setError(data === undefined ? problemText(refused) : undefined);
    if (data === undefined) return;
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `check-run-${checkRunId}.html`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <button type="button" className="secondary" onClick={() => void download()}>
        Download the HTML report
      </button>
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
