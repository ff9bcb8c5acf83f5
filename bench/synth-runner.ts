// Starts synth-child.ts in a fresh process and collects its measurement plus the process's wall time.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SynthMeasurement } from './synth-child';
import { runTimed } from './timed-process';

export interface SynthRun extends SynthMeasurement {
  /** Wall time of the whole child process: start-up and module loading included. */
  readonly processMs: number;
  /** CPU time (user + system) of the whole child process, when GNU time is available. */
  readonly processCpuMs?: number;
}

const ROOT = join(__dirname, '..');
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/**
 * Synthesizes `services` services of `variant` into `outdir` in a new Node process.
 * CDK's built-in CloudFormation-Validate plugin is switched off (CDK_VALIDATION=false) for both variants: it
 * costs the same for both and its run time varies by a factor of several between runs, which would drown the
 * difference we measure.
 */
export function runSynth(variant: 'stock' | 'hardened', services: number, outdir: string, options: { checks: boolean }): SynthRun {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const resultFile = join(outdir, '..', `${variant}-${services}.result.json`);
  const args = [TSX_CLI, join(__dirname, 'synth-child.ts'), variant, String(services), outdir, resultFile];
  if (!options.checks) args.push('--no-checks');
  const child = runTimed(process.execPath, args, { cwd: ROOT, env: { ...process.env, CDK_VALIDATION: 'false', CDK_DISABLE_VERSION_CHECK: '1' } });
  if (child.status !== 0) {
    throw new Error(`synthesis of ${services} ${variant} services failed (exit ${child.status}):\n${child.stderr.slice(-4000)}`);
  }
  const measurement: SynthMeasurement = JSON.parse(readFileSync(resultFile, 'utf8'));
  rmSync(resultFile, { force: true });
  return { ...measurement, processMs: child.wallMs, processCpuMs: child.cpuMs };
}
