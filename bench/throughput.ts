// Benchmark (a): `hardened-ecs check` against cfn-guard with the Control Tower ECS rules, on the same cloud
// assembly of stock services, each as a pipeline would run it: a fresh process per run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runSynth } from './synth-runner';
import { markdownTable, median, ratio, seconds } from './table';
import { ProcessTiming, runTimed } from './timed-process';
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

function newestSourceMs(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const ms = entry.isDirectory() ? newestSourceMs(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0;
    return Math.max(newest, ms);
  }, 0);
}

/**
 * The compiled CLI (what the npm package runs) when `out/` is at least as new as every source in lib/,
 * otherwise the sources through tsx: a stale `out/` would measure old code.
 */
function checkerCommand(assembly: string): Command {
  const compiledMain = join(ROOT, 'out', 'checks', 'cli', 'main.js');
  const compiledBin = join(ROOT, 'bin', 'hardened-ecs');
  if (existsSync(compiledMain) && existsSync(compiledBin) && statSync(compiledMain).mtimeMs >= newestSourceMs(join(ROOT, 'lib'))) {
    return { label: 'hardened-ecs check (compiled out/)', file: process.execPath, args: [compiledBin, 'check', assembly], okExitCodes: [0, 1] };
  }
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return {
    label: 'hardened-ecs check (tsx, sources)',
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

function timeOnce(command: Command): ProcessTiming {
  const run = runTimed(command.file, command.args, { cwd: ROOT });
  if (run.status === null || !command.okExitCodes.includes(run.status)) {
    throw new Error(`${command.label} exited with ${run.status}: ${run.stderr.slice(-2000)}`);
  }
  return run;
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
  const runs = new Map<Command, ProcessTiming[]>([[checker, []], [guard, []]]);
  timeOnce(checker); // warm the file cache (and tsx's transform cache) once; not counted
  for (let i = 0; i < options.repetitions; i++) {
    // Alternate so that drift in machine load hits both tools alike.
    for (const command of i % 2 === 0 ? [checker, guard] : [guard, checker]) {
      const run = timeOnce(command);
      runs.get(command)!.push(run);
      console.error(`[throughput] rep ${i + 1}/${options.repetitions} ${command.label}: wall ${seconds(run.wallMs)} s, cpu ${seconds(run.cpuMs ?? NaN)} s`);
    }
  }

  const wall = (c: Command) => median(runs.get(c)!.map((r) => r.wallMs));
  const cpu = (c: Command) => median(runs.get(c)!.map((r) => r.cpuMs ?? NaN));
  const rows = [checker, guard].map((c) => [
    c.label,
    seconds(wall(c)),
    seconds(Math.min(...runs.get(c)!.map((r) => r.wallMs))),
    seconds(cpu(c)),
    String(Math.round(median(runs.get(c)!.map((r) => r.maxRssKb ?? NaN)) / 1024)),
    String(Math.round(resources / (wall(c) / 1000))),
    String(Math.round(resources / (cpu(c) / 1000))),
  ]);
  return [
    `Checker throughput: ${options.services} stock ApplicationLoadBalancedFargateService services (with a secret each), ` +
      `${templates.length} templates passed explicitly, ${resources} resources; ${options.repetitions} repetitions, fresh process each, medians`,
    '',
    markdownTable(['Tool', 'wall s', 'min wall s', 'CPU s', 'peak RSS MiB', 'resources/s (wall)', 'resources/s (CPU)'], rows),
    '',
    `hardened-ecs check / cfn-guard: wall ${ratio(wall(checker), wall(guard))}, CPU ${ratio(cpu(checker), cpu(guard))}`,
  ].join('\n');
}
