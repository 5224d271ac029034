import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Fields of /proc/<pid>/stat after the command name: index 0 is field 3 (state). */
const statOf = (pid: string | number): string[] | undefined => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone meanwhile
  }
};

/**
 * The CPU time (user + system, µs) a server has used with its children: the process itself, its
 * live children (PostgreSQL's backends) and the children that have exited. Linux only (/proc).
 */
export function processTreeCpuMicros(pid: number): number {
  const own = statOf(pid);
  if (!own) return 0;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat && Number(stat[1]) === pid) ticks += Number(stat[11]) + Number(stat[12]);
  }
  return (ticks / TICKS_PER_SECOND) * 1e6;
}
