import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LaunchError } from './launch-error.mjs';
import { isAlive, readPid } from './processes.mjs';

/**
 * Claims the data directory for this launcher. PGlite takes no lock of its own,
 * and two instances writing one data directory would corrupt it.
 */
export function lockDataDir(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'launcher.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const holder = readPid(file);
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new LaunchError(
        `another launcher (pid ${holder}) uses ${dataDir}: stop it, or set LOCAL_DATA_DIR to another directory`,
      );
    }
    // Left behind by a launcher that was killed outright.
    writeFileSync(file, String(process.pid));
  }
  return { stop: async () => rmSync(file, { force: true }) };
}
