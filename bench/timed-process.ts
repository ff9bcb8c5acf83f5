// Runs a command in a fresh process and measures it from outside: wall time, CPU time (user + system) and peak
// resident memory. CPU time is reported next to wall time because on a busy machine wall time measures the
// machine's load as much as the program.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface ProcessTiming {
  readonly status: number | null;
  readonly stderr: string;
  readonly wallMs: number;
  /** User + system CPU time of the process; undefined without GNU time. */
  readonly cpuMs?: number;
  /** Peak resident set size in KiB; undefined without GNU time. */
  readonly maxRssKb?: number;
}

export function runTimed(file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ProcessTiming {
  const useGnuTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'time.txt');
  const [command, commandArgs] = useGnuTime ? [GNU_TIME, ['-o', timeFile, '-f', '%U %S %M', file, ...args]] : [file, [...args]];
  const start = performance.now();
  const run = spawnSync(command, commandArgs, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  try {
    if (run.error) throw run.error;
    if (!useGnuTime) return { status: run.status, stderr: run.stderr, wallMs };
    // GNU time prints "Command exited with non-zero status N" before the format line when N != 0.
    const line = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!;
    const [user, system, rss] = line.split(' ').map(Number);
    return { status: run.status, stderr: run.stderr, wallMs, cpuMs: (user + system) * 1000, maxRssKb: rss };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
