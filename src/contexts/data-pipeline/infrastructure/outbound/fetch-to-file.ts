import { rm } from 'node:fs/promises';
import { OutboundHttp, OutboundUrlRefused, type OutboundPolicy } from '@libs/outbound';
import { PipelineStepRefused } from '../../domain/errors.js';
import { downloadingTo } from './pinned-download.js';

const MAX_REDIRECTS = 5;
/** A table can take long to download; a server that stops sending must still not hold the run forever. */
const DOWNLOAD_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * Fetches a URL into `path` through the policy. Whatever goes wrong is the URL's doing as far as
 * the run can tell (refused, unreachable, not 2xx, too large): the step is refused with the reason,
 * and a retry of the run tries again.
 */
export async function fetchToFile(policy: OutboundPolicy, url: string, path: string, maxBytes: number): Promise<void> {
  const http = new OutboundHttp(policy, downloadingTo(path));
  const outbound = { method: 'GET', url: new URL(url), headers: { accept: '*/*' } };
  try {
    const response = await http.request(
      outbound,
      { maxRedirects: MAX_REDIRECTS, maxResponseBytes: maxBytes },
      AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    );
    if (response.status < 200 || response.status >= 300)
      throw new PipelineStepRefused(`the URL answered HTTP ${response.status}`);
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof PipelineStepRefused) throw error;
    const reason = error instanceof OutboundUrlRefused ? `the URL is refused: ${error.message}` : describe(error);
    throw new PipelineStepRefused(reason);
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `the URL could not be fetched: ${message}`;
}
