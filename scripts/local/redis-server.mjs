import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { delimiter, join } from 'node:path';
import { LaunchError } from './launch-error.mjs';
import { hasExited, isAlive, onceExited, readPid, stopChild } from './processes.mjs';
import { waitUntil } from './wait-until.mjs';

const STOP_GRACE_MS = 10_000;

/** The path of `redis-server` on PATH, or undefined. */
export function findRedisServer(path = process.env.PATH ?? '') {
  return path
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'redis-server'))
    .find(isExecutable);
}

/**
 * Runs redis-server for this launch with its data in `dir`. Durability follows
 * what BullMQ and the event streams need: an append-only file synced every
 * second, no RDB snapshots (they would fork the whole dataset for nothing).
 */
export async function startRedisServer(binary, dir, port) {
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis-server.pid');
  refuseLeftover(pidFile, dir);
  const logFile = join(dir, 'redis-server.log');
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--daemonize', 'no'];
  args.push('--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '');
  args.push('--pidfile', pidFile, '--logfile', logFile);
  // Its own process group: a Ctrl-C in the terminal must not stop Redis while the
  // app is still shutting down on it; the launcher stops Redis after the app.
  const child = spawn(binary, args, { stdio: 'ignore', detached: true });
  const exited = onceExited(child);
  const stop = () => stopChild(child, exited, STOP_GRACE_MS);
  try {
    await waitUntil(() => answersPing(port), {
      what: `redis-server on port ${port}`,
      timeoutMs: 10_000,
      failure: () => hasExited(child) && `exited early, see ${logFile}`,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid, stop };
}

/** A redis-server of an earlier launch that was killed outright would share the data files. */
function refuseLeftover(pidFile, dir) {
  const pid = readPid(pidFile);
  if (pid && isAlive(pid)) {
    throw new LaunchError(
      `redis-server (pid ${pid}) from an earlier launch still uses ${dir}: stop it (kill ${pid}) and retry`,
    );
  }
}

function answersPing(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('timeout', () => socket.destroy());
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
