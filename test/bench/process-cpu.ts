import { readFile } from 'node:fs/promises';

// Linux reports a process's CPU in clock ticks of 1/100 s (USER_HZ, 100 on every Linux ABI Node runs on).
const MS_PER_TICK = 10;

/**
 * CPU time (user + system) another process has used so far, in ms, from /proc/<pid>/stat: for an
 * app in a child process, what the figures of a round cost it, whatever else loads the host.
 */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}
