/**
 * Runs `boot` with `env` in process.env, then puts back what was there, even when the boot fails.
 * The contexts read their settings from process.env while the app boots (their providers'
 * factories) and not after, so the app keeps them; the next test files of the Jest worker, which
 * share process.env, do not see them. Restoring when the boot ends, not when the app closes, also
 * keeps two apps of one file that close in any order from putting back each other's values.
 */
export async function withProcessEnv<T>(env: Readonly<Record<string, string>>, boot: () => Promise<T>): Promise<T> {
  const previous = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  try {
    return await boot();
  } finally {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
