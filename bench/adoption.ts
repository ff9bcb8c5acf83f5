// Benchmark (b): the synthesis cost of adopting the library. The same N web services built with
// HardenedFargateService and checked by HardenedEcsChecks, against aws-cdk-lib's
// ApplicationLoadBalancedFargateService checked by cdk-nag's AwsSolutionsChecks. Every run is a fresh process;
// the variants alternate so that drift in machine load hits both alike.
import { join } from 'node:path';
import { SynthRun, runSynth } from './synth-runner';
import { markdownTable, median, ratio, seconds } from './table';

const ROOT = join(__dirname, '..');

export interface AdoptionOptions {
  readonly serviceCounts: number[];
  readonly repetitions: number;
}

/** Issue 4's target: the hardened synthesis costs at most this multiple of the stock one, at every N. */
export const ADOPTION_TARGET = 1.15;

export type Variant = 'stock' | 'hardened';
export const VARIANTS: readonly Variant[] = ['stock', 'hardened'];

export function runAdoption(options: AdoptionOptions): string {
  const runs: SynthRun[] = [];
  for (let rep = 0; rep < options.repetitions; rep++) {
    for (const services of options.serviceCounts) {
      const order = rep % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) {
        const run = runSynth(variant, services, join(ROOT, 'bench-out', 'adoption', variant), { checks: true });
        runs.push(run);
        console.error(
          `[adoption] rep ${rep + 1}/${options.repetitions} N=${services} ${variant}: process ${seconds(run.processMs)} s, ` +
            `synth ${seconds(run.buildMs + run.synthMs)} s (cpu ${seconds(run.synthCpuMs)} s, gc ${seconds(run.gcMs)} s in ${run.majorGcs} full), ` +
            `checks ${seconds(run.checksMs)} s, ${Math.round(run.maxRssKb / 1024)} MiB, ` +
            `${run.resources} resources, ${run.violations} rules violated on ${run.violatingResources} resources`,
        );
      }
    }
  }

  const pick = (variant: Variant, services: number) => runs.filter((r) => r.variant === variant && r.services === services);
  const med = (rs: SynthRun[], f: (r: SynthRun) => number) => median(rs.map(f));
  const inProcess = (r: SynthRun) => r.buildMs + r.synthMs;

  const costRows = options.serviceCounts.flatMap((n) => {
    const stock = pick('stock', n);
    const hardened = pick('hardened', n);
    const row = (label: string, rs: SynthRun[], vs?: SynthRun[]) => {
      const versus = (f: (r: SynthRun) => number) => (vs ? ratio(med(rs, f), med(vs, f)) : '');
      return [
        String(n),
        label,
        String(rs[0].resources),
        seconds(med(rs, (r) => r.processMs)),
        seconds(med(rs, inProcess)),
        seconds(med(rs, (r) => r.synthCpuMs)),
        String(Math.round(med(rs, (r) => r.maxRssKb) / 1024)),
        seconds(med(rs, (r) => r.gcMs)),
        String(med(rs, (r) => r.majorGcs)),
        versus((r) => r.processMs),
        versus(inProcess),
        versus((r) => r.synthCpuMs),
        versus((r) => r.maxRssKb),
      ];
    };
    return [row('stock + AwsSolutionsChecks', stock), row('hardened + HardenedEcsChecks', hardened, stock)];
  });

  // The machine's speed drifts over minutes; a ratio of two runs made seconds apart cancels most of that drift.
  // pick() keeps repetition order, so the i-th stock and hardened runs of a size are the pair that ran back to back.
  const pairedRows = options.serviceCounts.map((n) => {
    const stock = pick('stock', n);
    const hardened = pick('hardened', n);
    const ratios = hardened.map((h, i) => inProcess(h) / inProcess(stock[i]));
    const cpuRatios = hardened.map((h, i) => h.synthCpuMs / stock[i].synthCpuMs);
    const within = ratios.filter((r) => r <= ADOPTION_TARGET).length;
    return [
      String(n),
      `${median(ratios).toFixed(2)}x`,
      `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x`,
      `${within} of ${ratios.length}`,
      `${median(cpuRatios).toFixed(2)}x`,
      ratios.map((r) => r.toFixed(2)).join(' '),
    ];
  });

  const linearityRows = options.serviceCounts.flatMap((n) =>
    VARIANTS.map((variant) => {
      const rs = pick(variant, n);
      const checksMs = med(rs, (r) => r.checksMs);
      const checksCpuMs = med(rs, (r) => r.checksCpuMs);
      return [
        String(n),
        variant === 'stock' ? 'AwsSolutionsChecks' : 'HardenedEcsChecks',
        String(rs[0].resources),
        seconds(checksMs),
        seconds(checksCpuMs),
        (checksCpuMs / (rs[0].resources / 1000)).toFixed(1),
        `${rs[0].violations} / ${rs[0].violatingResources}`,
      ];
    }),
  );

  return [
    `Synthesis cost of adoption: ${options.serviceCounts.join(', ')} services (20 per stack), ${options.repetitions} repetitions, ` +
      'fresh process each, variants alternating; medians. "synth" is construct tree + app.synth() inside the process ' +
      '(module loading excluded); "process" is the whole process; "GC pause" is main-thread garbage collection during synth ' +
      '("full GCs" the mark-compact ones); ratios are hardened / stock.',
    '',
    markdownTable(
      ['N', 'variant', 'resources', 'process s', 'synth s', 'synth CPU s', 'peak RSS MiB', 'GC pause s', 'full GCs', 'process', 'synth', 'synth CPU', 'RSS'],
      costRows,
    ),
    '',
    'Paired ratios: hardened / stock synth time of the two runs of each repetition (back to back), against the target of ' +
      `${ADOPTION_TARGET.toFixed(2)}x:`,
    '',
    markdownTable(['N', 'median synth ratio', 'range', `pairs <= ${ADOPTION_TARGET.toFixed(2)}x`, 'median synth CPU ratio', 'each pair'], pairedRows),
    '',
    'Time spent inside the validation plugin (the checks alone), against template resources:',
    '',
    markdownTable(['N', 'pack', 'resources', 'checks s', 'checks CPU s', 'CPU ms per 1000 resources', 'rules violated / resources'], linearityRows),
  ].join('\n');
}
