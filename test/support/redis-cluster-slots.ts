import calculateSlot from 'cluster-key-slot';
import type { Redis } from 'ioredis';

/** One command as MONITOR reported it: its client (`lua` inside a script), db and words. */
export interface MonitoredCommand {
  readonly source: string;
  readonly db: string;
  readonly args: readonly string[];
}

/** Commands Redis runs as one: a script with the calls it made, a transaction, or a single command. */
export type AtomicUnit = readonly MonitoredCommand[];

const SCRIPTS = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro']);

/**
 * Groups a MONITOR log into what Redis Cluster must find in one slot: a script and the calls it
 * made (MONITOR lists them right after it, as `lua`: scripts run alone), a MULTI ... EXEC of one
 * client, and any other command by itself.
 */
export function atomicUnits(log: readonly MonitoredCommand[]): AtomicUnit[] {
  const units: MonitoredCommand[][] = [];
  const transactions = new Map<string, MonitoredCommand[]>();
  let script: MonitoredCommand[] | undefined;
  for (const command of log) {
    const name = command.args[0]?.toLowerCase() ?? '';
    if (command.source === 'lua') {
      script?.push(command);
      continue;
    }
    script = undefined;
    const open = transactions.get(command.source);
    if (name === 'multi') transactions.set(command.source, []);
    else if (name === 'exec' || name === 'discard') {
      if (open) units.push(open);
      transactions.delete(command.source);
    } else if (open) open.push(command);
    else {
      const unit = [command];
      units.push(unit);
      if (SCRIPTS.has(name)) script = unit;
    }
  }
  return units;
}

/** What a unit touches that Redis Cluster would refuse: keys of more than one slot. */
export interface CrossSlotUnit {
  readonly commands: readonly string[];
  readonly slots: Readonly<Record<string, number>>;
}

/**
 * The units whose keys (as Redis itself finds them, COMMAND GETKEYS) map to more than one Cluster
 * slot. `counted` gets the number of units with two keys or more, so a caller can tell the check
 * had something to check.
 */
export async function crossSlotUnits(
  redis: Redis,
  units: readonly AtomicUnit[],
  counted: (multiKeyUnits: number) => void = () => undefined,
): Promise<CrossSlotUnit[]> {
  const found: CrossSlotUnit[] = [];
  let multiKey = 0;
  for (const unit of units) {
    const keys = new Set<string>();
    for (const command of unit) for (const key of await keysOf(redis, command.args)) keys.add(key);
    if (keys.size < 2) continue;
    multiKey += 1;
    const slots = Object.fromEntries([...keys].map((key) => [key, calculateSlot(key)]));
    if (new Set(Object.values(slots)).size > 1) {
      found.push({ commands: unit.map((command) => command.args.slice(0, 4).join(' ')), slots });
    }
  }
  counted(multiKey);
  return found;
}

async function keysOf(redis: Redis, args: readonly string[]): Promise<string[]> {
  const [name, ...rest] = args;
  if (!name) return [];
  try {
    return (await redis.call('COMMAND', 'GETKEYS', name, ...rest)) as string[];
  } catch {
    // "The command has no key arguments" (PING, SELECT, CLIENT ...): nothing to place in a slot.
    return [];
  }
}
