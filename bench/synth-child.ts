// One measured synthesis, run in a fresh process by the benchmark so that module caches, JIT state and peak
// memory of one run never leak into the next. Usage:
//   tsx bench/synth-child.ts <stock|hardened> <services> <outdir> <result.json> [--no-checks] [--load-only]
// --load-only loads every module and exits: the baseline the instruction count subtracts (instructions.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceEntry, PerformanceObserver, constants, performance } from 'node:perf_hooks';
import { App, IPolicyValidationPlugin, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addHardenedServices } from './hardened-services';
import { addStockServices } from './stock-services';
import { HardenedEcsChecks } from '../lib/checks/nag/hardened-ecs-checks';

export const SERVICES_PER_STACK = 20;

/** What one child run reports back to the benchmark. */
export interface SynthMeasurement {
  readonly variant: string;
  readonly services: number;
  readonly stacks: number;
  readonly resources: number;
  /** Building the construct tree. */
  readonly buildMs: number;
  /** `app.synth()`, validation plugins included. */
  readonly synthMs: number;
  /** CPU time (user + system) of building and synthesizing: less sensitive to machine load than wall time. */
  readonly synthCpuMs: number;
  /** Time spent inside the validation plugin alone. */
  readonly checksMs: number;
  /** CPU time spent inside the validation plugin alone. */
  readonly checksCpuMs: number;
  /** Rules the plugin reported as violated. */
  readonly violations: number;
  /** Resource-level findings behind those violations. */
  readonly violatingResources: number;
  /** Peak resident set size of the whole process, in KiB. */
  readonly maxRssKb: number;
  /** Main-thread garbage-collection pauses while building and synthesizing (V8 'gc' performance entries). */
  readonly gcMs: number;
  /** How many of those pauses were full (mark-compact) collections. */
  readonly majorGcs: number;
}

interface Variant {
  addServices(stack: Stack, count: number): void;
  checks(app: App): IPolicyValidationPlugin;
}

// Both variants load every module (before the clock starts), so module loading weighs the same on both.
const VARIANTS: Record<string, Variant> = {
  stock: { addServices: addStockServices, checks: (app) => new AwsSolutionsChecks(app) },
  hardened: { addServices: addHardenedServices, checks: (app) => new HardenedEcsChecks(app) },
};

interface Spent {
  ms: number;
  cpuMs: number;
  violations: number;
  violatingResources: number;
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** Wraps the plugin so the time CDK spends inside it is measured on its own. */
function timed(plugin: IPolicyValidationPlugin, spent: Spent): IPolicyValidationPlugin {
  const validate = plugin.validate.bind(plugin);
  (plugin as { validate: typeof validate }).validate = (context) => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const report = validate(context);
    spent.ms += performance.now() - start;
    spent.cpuMs += cpuMsSince(cpuStart);
    spent.violations += report.violations.length;
    spent.violatingResources += report.violations.reduce((n, v) => n + v.violatingResources.length, 0);
    return report;
  };
  return plugin;
}

function countResources(outdir: string): number {
  return readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .reduce((sum, f) => sum + Object.keys(JSON.parse(readFileSync(join(outdir, f), 'utf8')).Resources ?? {}).length, 0);
}

async function main(): Promise<void> {
  const [variantName, servicesArg, outdir, resultFile, ...flags] = process.argv.slice(2);
  const services = Number(servicesArg);
  if (!variantName || !Number.isInteger(services) || services <= 0 || !outdir || !resultFile) {
    throw new Error('usage: tsx bench/synth-child.ts <stock|hardened> <services> <outdir> <result.json> [--no-checks] [--load-only]');
  }
  const variant = VARIANTS[variantName];
  if (!variant) throw new Error(`unknown variant ${variantName}: use stock or hardened`);
  if (flags.includes('--load-only')) return;
  const withChecks = !flags.includes('--no-checks');
  const spent: Spent = { ms: 0, cpuMs: 0, violations: 0, violatingResources: 0 };

  const gc = { ms: 0, major: 0 };
  const countGc = (entries: PerformanceEntry[]) => {
    for (const entry of entries) {
      gc.ms += entry.duration;
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
    }
  };
  const gcObserver = new PerformanceObserver((list) => countGc(list.getEntries()));
  gcObserver.observe({ entryTypes: ['gc'] });

  const buildStart = performance.now();
  const cpuStart = process.cpuUsage();
  // Findings must not abort the run: the report is still computed and written, which is what we time.
  const app = new App({ outdir, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  if (withChecks) Validations.of(app).addPlugins(timed(variant.checks(app), spent));
  const stacks = Math.ceil(services / SERVICES_PER_STACK);
  for (let s = 0; s < stacks; s++) {
    const stack = new Stack(app, `Services${s}`);
    variant.addServices(stack, Math.min(SERVICES_PER_STACK, services - s * SERVICES_PER_STACK));
  }
  const buildMs = performance.now() - buildStart;

  const synthStart = performance.now();
  app.synth();
  const synthMs = performance.now() - synthStart;
  const synthCpuMs = cpuMsSince(cpuStart);
  // Node queues 'gc' entries for the next turn of the event loop, and synthesis never yields: let it turn once.
  await new Promise((resolve) => setImmediate(resolve));
  countGc(gcObserver.takeRecords());
  gcObserver.disconnect();

  const measurement: SynthMeasurement = {
    variant: variantName,
    services,
    stacks,
    resources: countResources(outdir),
    buildMs,
    synthMs,
    synthCpuMs,
    checksMs: spent.ms,
    checksCpuMs: spent.cpuMs,
    violations: spent.violations,
    violatingResources: spent.violatingResources,
    maxRssKb: process.resourceUsage().maxRSS,
    gcMs: gc.ms,
    majorGcs: gc.major,
  };
  writeFileSync(resultFile, JSON.stringify(measurement));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
