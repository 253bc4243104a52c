import { readFileSync } from 'node:fs';

/** Resolves once the child has exited, whatever the cause (a failed spawn included). */
export function onceExited(child) {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
}

export function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
export async function stopChild(child, exited, graceMs) {
  if (hasExited(child)) return exited;
  child.kill('SIGTERM');
  let timer;
  const overdue = new Promise((resolve) => {
    timer = setTimeout(resolve, graceMs, 'overdue');
  });
  const outcome = await Promise.race([exited, overdue]);
  clearTimeout(timer);
  if (outcome !== 'overdue') return outcome;
  child.kill('SIGKILL');
  return exited;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error.code === 'EPERM';
  }
}

/** The pid recorded in `file`, or undefined when there is no usable one. */
export function readPid(file) {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
