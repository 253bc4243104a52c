/**
 * Puts `env` in process.env and answers what puts back the values that were there, for settings read
 * after the boot too: the AWS SDK reads its credentials and region when it first calls, not at boot.
 */
export function setProcessEnv(env: Readonly<Record<string, string>>): () => void {
  const previous = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/**
 * Runs `boot` with `env` in process.env, then puts back what was there, even when the boot fails.
 * The contexts read their settings from process.env while the app boots (their providers'
 * factories), so the app keeps them; the rest of the test file (its other tests, the apps and
 * processes it starts later) does not see them. Restoring when the boot ends, not when the app
 * closes, also keeps two apps of one file that close in any order from putting back each other's
 * values. (Jest gives each test file a copy of process.env of its own: nothing reaches the next file.)
 */
export async function withProcessEnv<T>(env: Readonly<Record<string, string>>, boot: () => Promise<T>): Promise<T> {
  const restore = setProcessEnv(env);
  try {
    return await boot();
  } finally {
    restore();
  }
}
