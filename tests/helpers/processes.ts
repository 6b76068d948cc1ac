import { readdirSync, readFileSync } from 'node:fs';

/** Pids of the live processes named `name` whose parent is `parentPid` (Linux /proc). */
export function childrenNamed(parentPid: number, name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const stat = statOf(Number(pid));
      return stat !== null && stat.ppid === parentPid && stat.comm === name && stat.state !== 'Z';
    })
    .map(Number);
}

/** Whether `pid` runs (a zombie, dead but not yet reaped, does not). */
export function isAlive(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

/** Polls `condition` every 100 ms until it holds or `limitMs` passed; returns whether it held. */
export async function eventually(condition: () => boolean, limitMs: number): Promise<boolean> {
  for (let waited = 0; waited <= limitMs; waited += 100) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

function statOf(pid: number): { comm: string; state: string; ppid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const [state, ppid] = text.slice(close + 2).split(' ');
    return { comm: text.slice(text.indexOf('(') + 1, close), state, ppid: Number(ppid) };
  } catch {
    return null;
  }
}
