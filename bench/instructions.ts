// Benchmark (c): the work of adopting the library, counted in executed machine instructions. The same synthesis as
// the adoption benchmark (adoption.ts), each run in a fresh process under valgrind's cachegrind, which counts every
// instruction the process executes. Unlike wall or CPU time, the count does not depend on how fast the (shared,
// virtual) machine happens to be, so a ratio of two counts is stable where a ratio of two times is not.
//
// The count covers the whole process; a run that only loads the modules and exits (`--load-only`) is subtracted,
// so what remains is building the construct tree and `app.synth()`, as in the adoption benchmark's "synth" column.
// valgrind serializes a process's threads onto one core, so two runs share the two cores without disturbing the
// counts. The child runs with V8's `--single-threaded`: garbage collection and compilation happen on the main thread,
// still counted, but no longer racing it, so the count of a run repeats within 1 % (with V8's background threads,
// two identical runs differed by up to 4.5 %).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ADOPTION_TARGET, VARIANTS, Variant } from './adoption';
import { markdownTable, median } from './table';

const ROOT = join(__dirname, '..');
const VALGRIND = 'valgrind';

export interface InstructionOptions {
  readonly serviceCounts: number[];
  /** Runs of each variant and size; the median is used. With a single-threaded V8 one run is nearly exact. */
  readonly repetitions: number;
}

interface Job {
  readonly variant: Variant;
  /** 0 for the load-only baseline. */
  readonly services: number;
}

interface Counted extends Job {
  readonly instructions: number;
}

/** Counts the instructions of one child run; rejects with valgrind's output when it fails. */
function countInstructions(job: Job, outdir: string): Promise<number> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const childArgs = ['--single-threaded', ...synthChildArgs(job, outdir)];
  const args = [
    '--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null',
    // V8 writes machine code into its heap at run time: valgrind must re-read code it already translated.
    '--smc-check=all-non-file',
    process.execPath, ...childArgs,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(VALGRIND, args, {
      cwd: ROOT,
      env: { ...process.env, CDK_VALIDATION: 'false', CDK_DISABLE_VERSION_CHECK: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-64 * 1024);
    });
    child.on('error', (error) => reject(new Error(`could not start ${VALGRIND}: ${error.message}`)));
    child.on('close', (status) => {
      rmSync(outdir, { recursive: true, force: true });
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (status !== 0 || !refs) {
        reject(new Error(`${describe(job)} under valgrind failed (exit ${status}):\n${stderr.slice(-4000)}`));
        return;
      }
      resolve(Number(refs[1].replace(/,/g, '')));
    });
  });
}

/** The child's arguments. tsx as an in-process loader: its CLI would start a second Node process, which valgrind does not follow. */
function synthChildArgs(job: Job, outdir: string): string[] {
  const args = ['--import', 'tsx', join(__dirname, 'synth-child.ts'), job.variant, String(Math.max(job.services, 1)), outdir, join(outdir, 'result.json')];
  return job.services === 0 ? [...args, '--load-only'] : args;
}

/**
 * Loads the modules once outside valgrind, so that tsx's cache of transpiled files is filled: otherwise the first
 * counted runs after an edit would include transpiling the edited files.
 */
function fillTranspileCache(): void {
  const outdir = join(ROOT, 'bench-out', 'instructions', 'warm-up');
  mkdirSync(outdir, { recursive: true });
  const run = spawnSync(process.execPath, synthChildArgs({ variant: 'stock', services: 0 }, outdir), { cwd: ROOT, encoding: 'utf8' });
  rmSync(outdir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`loading the modules before counting failed (exit ${run.status}):\n${run.stderr.slice(-4000)}`);
}

function describe(job: Job): string {
  return job.services === 0 ? `loading the ${job.variant} modules` : `synthesis of ${job.services} ${job.variant} services`;
}

/** Runs the jobs two at a time (one per core); the counts do not depend on what else runs. */
async function runAll(jobs: readonly Job[]): Promise<Counted[]> {
  const results: Counted[] = [];
  let next = 0;
  const worker = async (slot: number) => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const instructions = await countInstructions(job, join(ROOT, 'bench-out', 'instructions', `slot${slot}`));
      results.push({ ...job, instructions });
      console.error(`[instructions] ${describe(job)}: ${billions(instructions)} G instructions`);
    }
  };
  await Promise.all([worker(0), worker(1)]);
  return results;
}

const billions = (n: number) => (n / 1e9).toFixed(2);

export async function runInstructions(options: InstructionOptions): Promise<string> {
  const jobs: Job[] = [];
  for (let rep = 0; rep < options.repetitions; rep++) {
    for (const variant of VARIANTS) jobs.push({ variant, services: 0 });
    for (const services of options.serviceCounts) for (const variant of VARIANTS) jobs.push({ variant, services });
  }
  fillTranspileCache();
  const counted = await runAll(jobs);
  const counts = (variant: Variant, services: number) =>
    counted.filter((c) => c.variant === variant && c.services === services).map((c) => c.instructions);
  // Each variant's own load-only baseline: both load every module, so the two baselines should nearly agree.
  const baseline = (variant: Variant) => median(counts(variant, 0));
  const spread = (values: readonly number[]) => (values.length > 1 ? `${(((Math.max(...values) - Math.min(...values)) / Math.min(...values)) * 100).toFixed(1)} %` : '-');

  const rows = options.serviceCounts.flatMap((n) => {
    const synth = (variant: Variant) => median(counts(variant, n)) - baseline(variant);
    const [stock, hardened] = [synth('stock'), synth('hardened')];
    const workRatio = hardened / stock;
    return [
      [String(n), 'stock + AwsSolutionsChecks', billions(median(counts('stock', n))), billions(stock), spread(counts('stock', n)), '', ''],
      [String(n), 'hardened + HardenedEcsChecks', billions(median(counts('hardened', n))), billions(hardened), spread(counts('hardened', n)),
        `${workRatio.toFixed(3)}x`, workRatio <= ADOPTION_TARGET ? `within ${ADOPTION_TARGET}x` : `above ${ADOPTION_TARGET}x`],
    ];
  });
  return [
    `Work of adoption in executed instructions (valgrind cachegrind): ${options.serviceCounts.join(', ')} services (20 per stack), ` +
      `${options.repetitions} run(s) each, fresh process each; medians. "synth" subtracts a run that only ` +
      `loads the modules (stock ${billions(baseline('stock'))} G, hardened ${billions(baseline('hardened'))} G instructions).`,
    '',
    markdownTable(
      ['N', 'variant', 'process G instr.', 'synth G instr.', 'spread between runs', 'synth ratio', `target ${ADOPTION_TARGET}x`],
      rows,
    ),
  ].join('\n');
}
