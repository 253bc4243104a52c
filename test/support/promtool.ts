import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** promtool's path; `.ci/run` installs it (Debian's prometheus package), so a test needing it fails without. */
export function requirePromtool(): string {
  const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).stdout.trim();
  if (!found)
    throw new Error('promtool is missing: run the install_promtool step of .ci/run (apt-get install prometheus)');
  return found;
}

/** `promtool check rules` of a rule file's text (written to a file: Debian's promtool reads no stdin). */
export function checkRules(ruleFile: string): { status: number | null; output: string } {
  const directory = mkdtempSync(join(tmpdir(), 'rules-'));
  try {
    const file = join(directory, 'exported.rules.yml');
    writeFileSync(file, ruleFile);
    const check = spawnSync(requirePromtool(), ['check', 'rules', file], { encoding: 'utf8' });
    return { status: check.status, output: `${check.stdout}${check.stderr}` };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
