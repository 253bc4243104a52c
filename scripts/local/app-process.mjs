import { spawn } from 'node:child_process';
import { hasExited, onceExited, stopChild } from './processes.mjs';
import { waitUntil } from './wait-until.mjs';

/**
 * The app runs as a child process rather than imported into the launcher:
 * main.ts ends its process on a start-up failure and Nest's shutdown hooks take
 * over SIGINT/SIGTERM, either of which would cut the launcher short before it
 * stopped Redis and PGlite; and PGlite runs queries on the thread that calls it,
 * which would then be the app's event loop.
 */
export function startApp(mainJs, env) {
  const child = spawn(process.execPath, [mainJs], { env, stdio: 'inherit' });
  const exited = onceExited(child);
  // The app bounds its own shutdown by SHUTDOWN_TIMEOUT_MS; past that and a margin it is killed.
  const graceMs = Number(env.SHUTDOWN_TIMEOUT_MS || 10_000) + 5000;
  return {
    exited,
    stop: () => stopChild(child, exited, graceMs),
    waitUntilReady: (baseUrl, timeoutMs) =>
      waitUntil(() => answersReady(baseUrl), {
        what: `the app at ${baseUrl}`,
        timeoutMs,
        intervalMs: 200,
        failure: () => hasExited(child) && 'exited before it was ready (see its log above)',
      }),
  };
}

async function answersReady(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
