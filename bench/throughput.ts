// Benchmark (a): `hardened-ecs check` against cfn-guard with the Control Tower ECS rules, on the same cloud
// assembly of stock services, each as a pipeline would run it: a fresh process per run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { markdownTable, median, ratio, seconds } from './table';
import { runSynth } from './synth-runner';
import { assemblyTemplateFiles } from '../test/support/assembly-templates';
import { cfnGuardBinary, controlTowerRuleFiles, ECS_CONTROLS } from '../test/support/cfn-guard';

const ROOT = join(__dirname, '..');

interface Command {
  readonly label: string;
  readonly file: string;
  readonly args: string[];
  /** Exit codes that mean "ran to the end" (findings are expected on stock services). */
  readonly okExitCodes: number[];
}

/** The compiled CLI when `out/` exists (what the npm package runs), else the sources through tsx. */
function checkerCommand(assembly: string): Command {
  const compiledBin = join(ROOT, 'bin', 'hardened-ecs.js');
  if (existsSync(join(ROOT, 'out', 'checks', 'cli', 'main.js')) && existsSync(compiledBin)) {
    return { label: 'hardened-ecs check (node, compiled out/)', file: process.execPath, args: [compiledBin, 'check', assembly], okExitCodes: [0, 1] };
  }
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return {
    label: 'hardened-ecs check (tsx, from sources)',
    file: process.execPath,
    args: [tsx, join(ROOT, 'lib', 'checks', 'cli', 'main.ts'), 'check', assembly],
    okExitCodes: [0, 1],
  };
}

function cfnGuardCommand(templates: string[]): Command {
  const args = ['validate', '--show-summary', 'fail', '--output-format', 'single-line-summary'];
  for (const rule of controlTowerRuleFiles(ECS_CONTROLS)) args.push('--rules', rule.path);
  for (const template of templates) args.push('--data', template);
  return { label: 'cfn-guard 3.1.1, CT.ECS.PR.1-12', file: cfnGuardBinary(), args, okExitCodes: [0, 19] };
}

function timeOnce(command: Command): number {
  const start = performance.now();
  const run = spawnSync(command.file, command.args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status === null || !command.okExitCodes.includes(run.status)) {
    throw new Error(`${command.label} exited with ${run.status ?? run.signal}: ${run.stderr.slice(-2000)}`);
  }
  return ms;
}

export interface ThroughputOptions {
  readonly services: number;
  readonly repetitions: number;
}

export function runThroughput(options: ThroughputOptions): string {
  const assembly = join(ROOT, 'bench-out', 'throughput');
  console.error(`[throughput] synthesizing ${options.services} stock services into ${relative(ROOT, assembly)}/ ...`);
  runSynth('stock', options.services, assembly, { checks: false });
  const templates = assemblyTemplateFiles(assembly);
  const resources = templates.reduce((n, t) => n + Object.keys(JSON.parse(readFileSync(t, 'utf8')).Resources ?? {}).length, 0);

  const checker = checkerCommand(assembly);
  const guard = cfnGuardCommand(templates);
  const times = new Map<Command, number[]>([[checker, []], [guard, []]]);
  timeOnce(checker); // warm the file cache (and tsx's transform cache) once; not counted
  timeOnce(guard);
  for (let i = 0; i < options.repetitions; i++) {
    // Alternate so that drift in machine load hits both tools alike.
    for (const command of i % 2 === 0 ? [checker, guard] : [guard, checker]) {
      times.get(command)!.push(timeOnce(command));
      console.error(`[throughput] rep ${i + 1}/${options.repetitions} ${command.label}: ${seconds(times.get(command)!.at(-1)!)} s`);
    }
  }

  const rows = [...times].map(([command, ms]) => [
    command.label,
    seconds(median(ms)),
    seconds(Math.min(...ms)),
    seconds(Math.max(...ms)),
    Math.round(resources / (median(ms) / 1000)).toString(),
  ]);
  const checkerMedian = median(times.get(checker)!);
  const guardMedian = median(times.get(guard)!);
  return [
    `Checker throughput: ${options.services} stock ApplicationLoadBalancedFargateService services, ${templates.length} templates, ` +
      `${resources} resources; ${options.repetitions} repetitions, fresh process each`,
    '',
    markdownTable(['Tool', 'median s', 'min s', 'max s', 'resources/s (median)'], rows),
    '',
    `hardened-ecs check / cfn-guard (median wall time): ${ratio(checkerMedian, guardMedian)}`,
  ].join('\n');
}
