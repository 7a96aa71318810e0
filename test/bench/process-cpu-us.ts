import { readFileSync } from 'node:fs';

/** utime + stime of a process, in microseconds (Linux /proc: fields 14 and 15, in clock ticks of 10 ms). */
export function processCpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
