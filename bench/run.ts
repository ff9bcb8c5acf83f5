// `npm run bench` (projen task `bench`): prints the benchmark tables. Not a test: figures depend on the machine.
//   --quick            a small smoke run (minutes, not tens of minutes)
//   --only throughput  or  --only adoption  or  --only instructions
//   --repetitions N    measured runs per variant and size (default 3; medians are reported)
// The instruction count (valgrind) is not part of the default run: it takes about 5 minutes per repetition on two cores.
import { cpus } from 'node:os';
import { runAdoption } from './adoption';
import { runInstructions } from './instructions';
import { runThroughput } from './throughput';

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${process.platform}/${process.arch}`;
}

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  if (only !== undefined && only !== 'throughput' && only !== 'adoption' && only !== 'instructions') {
    throw new Error(`--only takes throughput, adoption or instructions, not ${only ?? 'nothing'}`);
  }
  const repetitionsIndex = argv.indexOf('--repetitions');
  const repetitions = repetitionsIndex >= 0 ? Number(argv[repetitionsIndex + 1]) : 3;
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new Error(`--repetitions takes a positive integer, not ${argv[repetitionsIndex + 1] ?? 'nothing'}`);
  const sections = [`Machine: ${machine()}; ${new Date().toISOString()}${quick ? '; --quick' : ''}`];
  if (only === 'instructions') {
    sections.push(await runInstructions(quick
      ? { serviceCounts: [20], repetitions: 1 }
      : { serviceCounts: [60, 180, 600], repetitions: repetitionsIndex >= 0 ? repetitions : 1 }));
    console.log(`\n${sections.join('\n\n')}\n`);
    return;
  }
  if (only !== 'adoption') {
    sections.push(runThroughput(quick ? { services: 20, repetitions: 2 } : { services: 180, repetitions }));
  }
  if (only !== 'throughput') {
    sections.push(runAdoption(quick ? { serviceCounts: [20, 40], repetitions: 1 } : { serviceCounts: [60, 180, 600], repetitions }));
  }
  console.log(`\n${sections.join('\n\n')}\n`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
